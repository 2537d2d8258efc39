package cn.worksafety.enforcement.penaltycase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The bodies of the case endpoints. */
final class CaseRequests {
  private CaseRequests() {}

  record FileCase(
      @Schema(example = "914403001922038216") @NotBlank String uscc,
      @Schema(example = "未按规定开展安全生产教育和培训") @NotBlank @Size(max = 300) String title,
      @Schema(example = "[\"officer-0001\", \"officer-0002\"]")
      @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 64) String> officers) {}

  record Investigation() {}

  record NoticeToParty(
      @NotEmpty @Size(max = 10) List<@Valid @NotNull PenaltyRequest> proposedPenalties,
      @Schema(description = "the party waived its right to state a defence or ask for a hearing; default false")
      Boolean defenceWaived) {}

  record Defence(@NotBlank @Size(max = 5000) String statement) {}

  record ApprovalOfDecision(
      @Schema(example = "2026-JT-017", description = "minutes of the collective review; required for serious penalties")
      @Size(max = 100) String collectiveReviewRef) {}

  record ServiceOfDecision(
      @Schema(example = "2026-11-24T10:00:00+08:00") @NotNull OffsetDateTime servedAt,
      @Schema(example = "直接送达") @NotBlank @Size(max = 100) String method) {}

  record ExecutionOfDecision(
      @Schema(example = "2026-12-01T10:00:00+08:00") @NotNull OffsetDateTime executedAt,
      @Schema(type = "string", example = "50000.00", description = "for fines: the fine plus any late surcharge")
      BigDecimal amountPaid) {}

  record Closure(@Schema(example = "罚款已缴纳，处罚决定执行完毕") @NotBlank @Size(max = 1000) String reason) {}

  record Revocation(@Schema(example = "行政复议决定撤销") @NotBlank @Size(max = 1000) String reason) {}

  record DecisionOnCase(
      @Schema(example = "[\"AQSC-2021-114\"]")
      @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,32}") String> violationCodes,
      @NotEmpty @Size(max = 10) List<@Valid @NotNull PenaltyRequest> penalties,
      @Schema(example = "《中华人民共和国安全生产法》第九十九条") @NotBlank @Size(max = 500) String legalBasis) {}
}
