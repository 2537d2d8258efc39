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

@Schema(description = "An inspection with its hazards as they stand today.", example = """
    {"id": "6f1c2a9e-3b4d-4e8f-9a7b-2c5d8e1f0a93", "uscc": "914403001922038216", "region": "440300",
     "inspectedAt": "2026-11-20T09:30:00+08:00", "officers": ["officer-0001", "officer-0002"],
     "findings": "检查了储罐区、装卸区和消防设施，发现隐患两处",
     "hazards": [
       {"id": "H-1", "description": "液氨储罐区未设置泄漏报警装置", "level": "MAJOR", "deadline": "2026-12-20",
        "status": "RECTIFIED", "rectifiedAt": "2026-12-18T10:00:00+08:00", "rectifiedLate": false,
        "overdueAnnouncedAt": null,
        "verifications": [{"verifiedAt": "2026-12-18T10:00:00+08:00", "officers": ["officer-0001", "officer-0003"],
          "outcome": "RECTIFIED", "note": "已安装泄漏报警装置并联动测试合格", "recordedBy": "officer-440300",
          "recordedAt": "2026-12-18T10:20:31.077+08:00"}],
        "recordedBy": "officer-440300", "recordedAt": "2026-11-20T11:05:12.342+08:00"},
       {"id": "H-2", "description": "消防通道堆放杂物", "level": "ORDINARY", "deadline": "2026-11-27",
        "status": "OVERDUE", "rectifiedAt": null, "rectifiedLate": null,
        "overdueAnnouncedAt": "2026-11-28T00:10:00.015+08:00", "verifications": [],
        "recordedBy": "officer-440300", "recordedAt": "2026-11-20T11:05:12.342+08:00"}],
     "openHazards": 0, "overdueHazards": 1, "recordedBy": "officer-440300",
     "recordedAt": "2026-11-20T11:05:12.342+08:00", "version": 2}
    """)
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
