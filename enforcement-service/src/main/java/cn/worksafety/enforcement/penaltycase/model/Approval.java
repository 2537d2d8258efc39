package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;

/**
 * 审批: the supervisor who approved the decision, when, and the collective review it needed, if any.
 *
 * @param collectiveReviewRef the minutes of the leadership's collective review (集体讨论记录)
 */
public record Approval(String supervisor, Instant approvedAt, String collectiveReviewRef) {}
