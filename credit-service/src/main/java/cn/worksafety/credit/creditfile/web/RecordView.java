package cn.worksafety.credit.creditfile.web;

import cn.worksafety.credit.creditfile.model.CreditRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A credit record as officers and administrators see it; {@code active} is worked out for the moment
 * of the request. {@code withdrawal} says when and why a record stopped counting early (a revoked
 * case, an accident's concluded figures).
 */
public record RecordView(String id, String kind, String severity, String reference, String summary,
    OffsetDateTime occurredAt, LocalDate publishedUntil, OffsetDateTime recordedAt, Withdrawn withdrawal,
    boolean active) {

  public record Withdrawn(OffsetDateTime at, String eventId, String reason) {}

  public static RecordView of(CreditRecord r, Instant now, ZoneId zone) {
    Withdrawn withdrawn = r.withdrawal() == null ? null : new Withdrawn(
        r.withdrawal().at().atZone(zone).toOffsetDateTime(), r.withdrawal().eventId(), r.withdrawal().reason());
    return new RecordView(r.id(), r.kind().name(), r.severity().name(), r.reference(), r.summary(),
        r.occurredAt().atZone(zone).toOffsetDateTime(), r.publishedUntil(),
        r.recordedAt().atZone(zone).toOffsetDateTime(), withdrawn, r.activeAt(now, zone));
  }
}
