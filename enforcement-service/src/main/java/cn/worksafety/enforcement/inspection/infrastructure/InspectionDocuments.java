package cn.worksafety.enforcement.inspection.infrastructure;

import cn.worksafety.enforcement.inspection.model.Hazard;
import cn.worksafety.enforcement.inspection.model.HazardLevel;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.enforcement.inspection.model.Verification;
import cn.worksafety.enforcement.inspection.model.VerificationOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * How an inspection is stored. Deadlines are ISO dates, so string order is date order; each hazard
 * also carries its {@code rectifiedAt} (derived from its verifications) so queries can tell open
 * hazards from rectified ones without reading the verifications.
 */
final class InspectionDocuments {
  private InspectionDocuments() {}

  static Document toDocument(Inspection i) {
    return new Document("_id", i.id()).append("uscc", i.uscc()).append("region", i.region())
        .append("inspectedAt", Date.from(i.inspectedAt())).append("officers", i.officers())
        .append("findings", i.findings())
        .append("hazards", i.hazards().stream().map(InspectionDocuments::hazard).toList())
        .append("recordedBy", i.recordedBy()).append("recordedAt", Date.from(i.recordedAt()))
        .append("version", i.version());
  }

  static Inspection fromDocument(Document d) {
    return new Inspection(d.getString("_id"), d.getString("uscc"), d.getString("region"),
        d.getDate("inspectedAt").toInstant(), d.getList("officers", String.class), d.getString("findings"),
        d.getList("hazards", Document.class).stream().map(InspectionDocuments::hazard).toList(),
        d.getString("recordedBy"), d.getDate("recordedAt").toInstant(), ((Number) d.get("version")).longValue());
  }

  private static Document hazard(Hazard h) {
    return new Document("id", h.id()).append("description", h.description()).append("level", h.level().name())
        .append("deadline", h.deadline().toString()).append("recordedBy", h.recordedBy())
        .append("recordedAt", Date.from(h.recordedAt()))
        .append("verifications", h.verifications().stream().map(InspectionDocuments::verification).toList())
        .append("rectifiedAt", date(h.rectifiedAt())).append("overdueAnnouncedAt", date(h.overdueAnnouncedAt()));
  }

  private static Hazard hazard(Document d) {
    return new Hazard(d.getString("id"), d.getString("description"), HazardLevel.valueOf(d.getString("level")),
        LocalDate.parse(d.getString("deadline")), d.getString("recordedBy"), d.getDate("recordedAt").toInstant(),
        d.getList("verifications", Document.class).stream().map(InspectionDocuments::verification).toList(),
        instant(d.getDate("overdueAnnouncedAt")));
  }

  private static Document verification(Verification v) {
    return new Document("verifiedAt", Date.from(v.verifiedAt())).append("officers", v.officers())
        .append("outcome", v.outcome().name()).append("note", v.note()).append("recordedBy", v.recordedBy())
        .append("recordedAt", Date.from(v.recordedAt()));
  }

  private static Verification verification(Document d) {
    return new Verification(d.getDate("verifiedAt").toInstant(), d.getList("officers", String.class),
        VerificationOutcome.valueOf(d.getString("outcome")), d.getString("note"), d.getString("recordedBy"),
        d.getDate("recordedAt").toInstant());
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
