package cn.worksafety.enforcement.inspection.web;

import cn.worksafety.enforcement.inspection.model.Hazard;
import cn.worksafety.enforcement.inspection.model.HazardStatus;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.enforcement.inspection.model.Verification;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

public record InspectionView(String id, String uscc, String region, OffsetDateTime inspectedAt,
    List<String> officers, String findings, List<HazardView> hazards,
    @Schema(description = "hazards not rectified whose deadline has not passed") long openHazards,
    @Schema(description = "hazards not rectified whose deadline has passed") long overdueHazards,
    String recordedBy, OffsetDateTime recordedAt, long version) {

  public record HazardView(String id, String description,
      @Schema(description = "ORDINARY 一般隐患 or MAJOR 重大隐患") String level,
      LocalDate deadline,
      @Schema(description = "OPEN, OVERDUE or RECTIFIED, worked out from today's date in Asia/Shanghai")
      String status,
      OffsetDateTime rectifiedAt,
      @Schema(description = "rectified only after the deadline; null while not rectified") Boolean rectifiedLate,
      @Schema(description = "when enforcement.hazard.overdue was announced for it") OffsetDateTime overdueAnnouncedAt,
      List<VerificationView> verifications, String recordedBy, OffsetDateTime recordedAt) {}

  public record VerificationView(OffsetDateTime verifiedAt, List<String> officers, String outcome, String note,
      String recordedBy, OffsetDateTime recordedAt) {}

  static InspectionView of(Inspection i, LocalDate today, ZoneId zone) {
    return new InspectionView(i.id(), i.uscc(), i.region(), at(i.inspectedAt(), zone), i.officers(), i.findings(),
        i.hazards().stream().map(h -> hazard(h, today, zone)).toList(), i.count(HazardStatus.OPEN, today),
        i.count(HazardStatus.OVERDUE, today), i.recordedBy(), at(i.recordedAt(), zone), i.version());
  }

  private static HazardView hazard(Hazard h, LocalDate today, ZoneId zone) {
    return new HazardView(h.id(), h.description(), h.level().name(), h.deadline(), h.status(today).name(),
        at(h.rectifiedAt(), zone), h.rectifiedLate(zone), at(h.overdueAnnouncedAt(), zone),
        h.verifications().stream().map(v -> verification(v, zone)).toList(), h.recordedBy(),
        at(h.recordedAt(), zone));
  }

  private static VerificationView verification(Verification v, ZoneId zone) {
    return new VerificationView(at(v.verifiedAt(), zone), v.officers(), v.outcome().name(), v.note(), v.recordedBy(),
        at(v.recordedAt(), zone));
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
