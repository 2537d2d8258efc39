package cn.worksafety.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One change to a record, as the audit trail keeps it: what was done, when, by whom (token subject
 * and roles, or {@code system:<job>}), from which request, and each field's value before and after.
 */
public record AuditEntry(String action, Instant at, String by, List<String> roles, String requestId,
    List<FieldChange> changes) {

  /** A field (dotted path for nested values) and its value before and after; null where absent. */
  public record FieldChange(String field, Object before, Object after) {}
}
