package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A fact on an enterprise's credit file, keyed by the id of the event that created it, so the same
 * event can never add it twice. Whether it is active is derived from its dates, never stored.
 */
public record CreditRecord(String id, RecordKind kind, Severity severity, String reference, String summary,
    Instant occurredAt, LocalDate publishedUntil) {

  public static CreditRecord of(String eventId, RecordKind kind, Severity severity, String reference,
      String summary, Instant occurredAt, ZoneId zone) {
    LocalDate until = occurredAt.atZone(zone).toLocalDate().plus(severity.publicationPeriod());
    return new CreditRecord(eventId, kind, severity, reference, summary, occurredAt, until);
  }

  /** In force on {@code day}: from its occurrence until the end of its publication period. */
  public boolean activeOn(LocalDate day, ZoneId zone) {
    return !day.isBefore(occurredAt.atZone(zone).toLocalDate()) && day.isBefore(publishedUntil);
  }
}
