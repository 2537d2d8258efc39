package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A fact on an enterprise's credit file, keyed by the id of the event that created it, so the same
 * event can never add it twice. Whether it counts at a moment is derived from its dates, never
 * stored: from when it occurred and credit learned of it, until its publication period ends or it
 * is withdrawn.
 *
 * @param reference what the record is about in enforcement (a case, accident or inspection id)
 * @param recordedAt when credit learned of it, so a rating as of an earlier moment does not count it
 * @param withdrawal set when it stopped counting before its period ended; null otherwise
 * @param codes what the fact names, for rules that need more than kind and severity: a decision's
 *     violation codes, an accident's grade
 */
public record CreditRecord(String id, RecordKind kind, Severity severity, String reference, String summary,
    Instant occurredAt, LocalDate publishedUntil, Instant recordedAt, Withdrawal withdrawal, List<String> codes) {

  public CreditRecord {
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  public static CreditRecord of(String eventId, RecordKind kind, Severity severity, String reference,
      String summary, Instant occurredAt, Instant recordedAt, ZoneId zone) {
    LocalDate until = occurredAt.atZone(zone).toLocalDate().plus(severity.publicationPeriod());
    return new CreditRecord(eventId, kind, severity, reference, summary, occurredAt, until, recordedAt, null,
        List.of());
  }

  public CreditRecord naming(List<String> names) {
    return new CreditRecord(id, kind, severity, reference, summary, occurredAt, publishedUntil, recordedAt, withdrawal,
        names);
  }

  /** Counts at {@code at}: known by then, occurred, inside its publication period and not withdrawn. */
  public boolean activeAt(Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    return !at.isBefore(recordedAt) && !at.isBefore(occurredAt) && day.isBefore(publishedUntil)
        && (withdrawal == null || at.isBefore(withdrawal.at()));
  }

  public boolean isWithdrawn() {
    return withdrawal != null;
  }

  public CreditRecord withdrawn(Withdrawal why) {
    return new CreditRecord(id, kind, severity, reference, summary, occurredAt, publishedUntil, recordedAt, why,
        codes);
  }
}
