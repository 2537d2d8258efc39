package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.util.List;

/** 决定: what was decided, on what legal basis, when. */
public record Decision(List<String> violationCodes, List<Penalty> penalties, String legalBasis, Instant decidedAt,
    Approval approval) {

  /** Serious penalties need collective review before approval (行政处罚法 第五十七条). */
  public boolean needsCollectiveReview(CaseRules rules) {
    return penalties.stream().anyMatch(p -> p.isSerious(rules.collectiveReviewFineFrom()));
  }

  Decision approved(Approval by) {
    return new Decision(violationCodes, penalties, legalBasis, decidedAt, by);
  }
}
