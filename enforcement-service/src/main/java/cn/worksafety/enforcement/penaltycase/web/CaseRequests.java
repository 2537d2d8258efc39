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

  @Schema(description = "A case to file.", example = """
      {"uscc": "914403001922038216", "title": "未对安全设备进行经常性维护、保养和定期检测",
       "officers": ["officer-0001", "officer-0002"]}
      """)
  record FileCase(
      @Schema(example = "914403001922038216") @NotBlank String uscc,
      @Schema(example = "未对安全设备进行经常性维护、保养和定期检测") @NotBlank @Size(max = 300) String title,
      @Schema(example = "[\"officer-0001\", \"officer-0002\"]")
      @NotNull @Size(min = 2, max = 10) List<@NotBlank @Size(max = 64) String> officers) {}

  @Schema(description = "Nothing: the step is the request.", example = "{}")
  record Investigation() {}

  @Schema(description = "The penalties proposed to the party.", example = """
      {"proposedPenalties": [{"kind": "FINE", "amount": "50000.00"}], "defenceWaived": false}
      """)
  record NoticeToParty(
      @Schema(example = "[{\"kind\": \"FINE\", \"amount\": \"50000.00\"}]")
      @NotEmpty @Size(max = 10) List<@Valid @NotNull PenaltyRequest> proposedPenalties,
      @Schema(description = "the party waived its right to state a defence or ask for a hearing; default false",
          example = "false") Boolean defenceWaived) {}

  @Schema(description = "the party's statement (陈述申辩), its request for a hearing (听证), or the hearing held; "
      + "at least one of them", example = """
      {"statement": "我公司已于收到告知书次日完成整改，请求从轻处罚", "hearingRequested": true}
      """)
  record Defence(
      @Schema(example = "我公司已于收到告知书次日完成整改，请求从轻处罚") @Size(min = 1, max = 5000) String statement,
      @Schema(description = "the party asks for a hearing; only within the window after notice and only when a "
          + "serious penalty is proposed", example = "true") Boolean hearingRequested,
      @Valid HeldHearing hearing) {

    @jakarta.validation.constraints.AssertTrue(message = "give a statement, a hearing request or the hearing held")
    @Schema(hidden = true)
    boolean isAnything() {
      return statement != null || Boolean.TRUE.equals(hearingRequested) || hearing != null;
    }
  }

  @Schema(example = """
      {"heldAt": "2026-11-30T09:30:00+08:00", "record": "听证笔录（2026）第017号：当事人对违法事实无异议，请求减轻罚款"}
      """)
  record HeldHearing(
      @Schema(example = "2026-11-30T09:30:00+08:00") @NotNull OffsetDateTime heldAt,
      @Schema(example = "听证笔录（2026）第017号：当事人对违法事实无异议，请求减轻罚款") @NotBlank @Size(max = 5000)
      String record) {}

  @Schema(description = "The approval; may be left out when no collective review is needed.", example = """
      {"collectiveReviewRef": "2026-JT-017"}
      """)
  record ApprovalOfDecision(
      @Schema(example = "2026-JT-017", description = "minutes of the collective review; required for serious penalties")
      @Size(max = 100) String collectiveReviewRef) {}

  @Schema(example = """
      {"servedAt": "2026-11-30T10:00:00+08:00", "method": "直接送达"}
      """)
  record ServiceOfDecision(
      @Schema(example = "2026-11-24T10:00:00+08:00") @NotNull OffsetDateTime servedAt,
      @Schema(example = "直接送达") @NotBlank @Size(max = 100) String method) {}

  @Schema(description = "amountPaid is required for a fine, and must be left out or 0 otherwise.", example = """
      {"executedAt": "2026-12-10T10:00:00+08:00", "amountPaid": "50000.00"}
      """)
  record ExecutionOfDecision(
      @Schema(example = "2026-12-01T10:00:00+08:00") @NotNull OffsetDateTime executedAt,
      @Schema(type = "string", example = "50000.00", description = "for fines: the fine plus any late surcharge")
      BigDecimal amountPaid) {}

  @Schema(example = """
      {"reason": "罚款已缴纳，处罚决定执行完毕"}
      """)
  record Closure(@Schema(example = "罚款已缴纳，处罚决定执行完毕") @NotBlank @Size(max = 1000) String reason) {}

  @Schema(example = """
      {"reason": "行政复议决定撤销"}
      """)
  record Revocation(@Schema(example = "行政复议决定撤销") @NotBlank @Size(max = 1000) String reason) {}

  @Schema(description = "The decision.", example = """
      {"violationCodes": ["AQSC-099-3"], "penalties": [{"kind": "FINE", "amount": "50000.00"}],
       "legalBasis": "《中华人民共和国安全生产法》第九十九条第三项"}
      """)
  record DecisionOnCase(
      @Schema(example = "[\"AQSC-099-3\"]", description = "codes from GET /api/enforcement/violations")
      @NotEmpty @Size(max = 20) List<@NotBlank @Pattern(regexp = "[A-Z0-9-]{2,32}") String> violationCodes,
      @Schema(example = "[{\"kind\": \"FINE\", \"amount\": \"50000.00\"}]")
      @NotEmpty @Size(max = 10) List<@Valid @NotNull PenaltyRequest> penalties,
      @Schema(example = "《中华人民共和国安全生产法》第九十九条第三项",
          description = "defaults to the legal basis of the cited violations") @Size(min = 1, max = 500)
      String legalBasis) {}
}
