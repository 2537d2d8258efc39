package cn.worksafety.platform.audit;

import cn.worksafety.platform.privacy.IdNumbers;
import cn.worksafety.platform.requestid.RequestIds;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.Callers;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Writes and reads the audit trail that every audited record carries in its own document (field
 * {@value #FIELD}). {@link cn.worksafety.platform.mongo.VersionedDocuments} appends an entry in the
 * same single-document write as the change, so no change is stored without its entry, and never
 * {@code $set}s the field, so nothing rewrites what is already there.
 */
@Component
public class AuditTrail {
  public static final String FIELD = "audit";
  /** Bookkeeping fields whose changes say nothing to a reader. */
  private static final Set<String> NOT_AUDITED = Set.of("_id", "version", "outbox", FIELD);
  private final Clock clock;

  public AuditTrail(Clock clock) {
    this.clock = clock;
  }

  /**
   * The entry for a change from {@code before} (null for a new record) to {@code after}, made by the
   * current caller, or by {@code system} when no one is signed in (a scheduled job). Values at
   * {@code personalIdPaths} are kept masked, so the trail never holds a full ID number.
   */
  public AuditEntry entry(String action, Document before, Document after, Set<String> personalIdPaths) {
    List<AuditEntry.FieldChange> changes = new ArrayList<>();
    diff("", before == null ? new Document() : before, after, personalIdPaths, changes);
    Caller caller = Callers.current();
    boolean signedIn = !Callers.ANONYMOUS.equals(caller.subject());
    return new AuditEntry(action, clock.instant(), signedIn ? caller.subject() : "system",
        caller.roles().stream().map(Enum::name).sorted().toList(), RequestIds.current().orElse(null),
        List.copyOf(changes));
  }

  public static Document toDocument(AuditEntry entry) {
    return new Document("action", entry.action()).append("at", Date.from(entry.at())).append("by", entry.by())
        .append("roles", entry.roles()).append("requestId", entry.requestId())
        .append("changes", entry.changes().stream().map(c -> new Document("field", c.field())
            .append("before", c.before()).append("after", c.after())).toList());
  }

  /** The trail stored in {@code document}, oldest first. */
  public static List<AuditEntry> read(Document document) {
    List<Document> stored = document.getList(FIELD, Document.class, List.of());
    return stored.stream().map(e -> new AuditEntry(e.getString("action"), e.getDate("at").toInstant(),
        e.getString("by"), e.getList("roles", String.class, List.of()), e.getString("requestId"),
        e.getList("changes", Document.class, List.of()).stream().map(c -> new AuditEntry.FieldChange(
            c.getString("field"), readable(c.get("before")), readable(c.get("after")))).toList())).toList();
  }

  private static void diff(String prefix, Document before, Document after, Set<String> personalIdPaths,
      List<AuditEntry.FieldChange> changes) {
    Set<String> fields = new LinkedHashSet<>(before.keySet());
    fields.addAll(after.keySet());
    for (String field : fields) {
      if (prefix.isEmpty() && NOT_AUDITED.contains(field)) {
        continue;
      }
      String path = prefix + field;
      Object was = before.get(field);
      Object now = after.get(field);
      if (Objects.equals(was, now)) {
        continue;
      }
      if ((was == null || was instanceof Document) && (now == null || now instanceof Document)) {
        // nested values are compared field by field, so a personal ID inside is always found and masked
        diff(path + ".", was == null ? new Document() : (Document) was, now == null ? new Document() : (Document) now,
            personalIdPaths, changes);
      } else if (personalIdPaths.contains(path)) {
        changes.add(new AuditEntry.FieldChange(path, IdNumbers.mask((String) was), IdNumbers.mask((String) now)));
      } else {
        changes.add(new AuditEntry.FieldChange(path, was, now));
      }
    }
  }

  private static Object readable(Object stored) {
    if (stored instanceof Date date) {
      return date.toInstant();
    }
    if (stored instanceof List<?> list) {
      return list.stream().map(AuditTrail::readable).toList();
    }
    if (stored instanceof Document document) {
      Document copy = new Document();
      document.forEach((k, v) -> copy.put(k, readable(v)));
      return copy;
    }
    return stored;
  }
}
