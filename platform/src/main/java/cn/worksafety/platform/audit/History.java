package cn.worksafety.platform.audit;

import java.util.List;

/** A record's audit trail as answered to a reader: read-only, oldest entry first. */
public record History(String id, List<AuditEntry> entries) {}
