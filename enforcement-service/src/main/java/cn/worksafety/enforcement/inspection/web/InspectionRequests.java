package cn.worksafety.enforcement.inspection.web;

import cn.worksafety.enforcement.inspection.model.HazardFinding;
import cn.worksafety.enforcement.inspection.model.HazardLevel;
import cn.worksafety.enforcement.inspection.model.VerificationOutcome;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The bodies of the inspection endpoints. */
final class InspectionRequests {
  private InspectionRequests() {}

  @Schema(description = "An inspection as carried out.", example = """
      {"uscc": "914403001922038216", "inspectedAt": "2026-11-20T09:30:00+08:00",
       "officers": ["officer-0001", "officer-0002"],
       "findings": "检查了储罐区、装卸区和消防设施，发现隐患两处",
       "hazards": [
         {"description": "液氨储罐区未设置泄漏报警装置", "level": "MAJOR", "deadline": "2026-12-20"},
         {"description": "消防通道堆放杂物", "level": "ORDINARY", "deadline": "2026-11-27"}]}
      """)
  record RecordInspection(
      @Schema(example = "914403001922038216") @NotBlank String uscc,
      @Schema(example = "2026-11-20T09:30:00+08:00") @NotNull OffsetDateTime inspectedAt,
      @Schema(example = "[\"officer-0001\", \"officer-0002\"]")
      @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 64) String> officers,
      @Schema(example = "检查了储罐区、装卸区和消防设施，发现隐患两处") @NotBlank @Size(max = 5000) String findings,
      @Schema(description = "hazards found; more can be added later") @Size(max = 50)
      List<@Valid @NotNull NewHazard> hazards) {}

  @Schema(description = "A hazard found.", example = """
      {"description": "液氨储罐区未设置泄漏报警装置", "level": "MAJOR", "deadline": "2026-12-20"}
      """)
  record NewHazard(
      @Schema(example = "液氨储罐区未设置泄漏报警装置") @NotBlank @Size(max = 2000) String description,
      @Schema(description = "ORDINARY 一般隐患 or MAJOR 重大隐患", example = "MAJOR") @NotNull HazardLevel level,
      @Schema(example = "2026-12-20", description = "rectification deadline, not before the inspection date")
      @NotNull LocalDate deadline) {

    HazardFinding toFinding() {
      return new HazardFinding(description, level, deadline);
    }
  }

  @Schema(description = "A re-inspection of one hazard.", example = """
      {"verifiedAt": "2026-12-18T10:00:00+08:00", "officers": ["officer-0001", "officer-0003"],
       "outcome": "RECTIFIED", "note": "已安装泄漏报警装置并联动测试合格"}
      """)
  record HazardVerification(
      @Schema(example = "2026-12-18T10:00:00+08:00") @NotNull OffsetDateTime verifiedAt,
      @Schema(example = "[\"officer-0001\", \"officer-0003\"]")
      @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 64) String> officers,
      @Schema(description = "RECTIFIED closes the hazard; NOT_RECTIFIED keeps it open", example = "RECTIFIED")
      @NotNull VerificationOutcome outcome,
      @Schema(example = "已安装泄漏报警装置并联动测试合格") @NotBlank @Size(max = 2000) String note) {}
}
