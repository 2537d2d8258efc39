package cn.worksafety.credit.creditfile.web;

import cn.worksafety.credit.creditfile.model.CreditRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

public record RecordView(String id, String kind, String severity, String reference, String summary,
    OffsetDateTime occurredAt, LocalDate publishedUntil, boolean active) {

  public static RecordView of(CreditRecord r, LocalDate today, ZoneId zone) {
    return new RecordView(r.id(), r.kind().name(), r.severity().name(), r.reference(), r.summary(),
        r.occurredAt().atZone(zone).toOffsetDateTime(), r.publishedUntil(), r.activeOn(today, zone));
  }
}
