package cn.worksafety.enforcement.penaltycase.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

  record DecisionOnCase(
      @Schema(example = "[\"AQSC-2021-114\"]")
      @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,32}") String> violationCodes,
      @NotEmpty @Size(max = 10) List<@Valid @NotNull PenaltyRequest> penalties,
      @Schema(example = "《中华人民共和国安全生产法》第九十九条") @NotBlank @Size(max = 500) String legalBasis) {}
}
