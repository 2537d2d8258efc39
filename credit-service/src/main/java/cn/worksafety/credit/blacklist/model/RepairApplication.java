package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/**
 * An application for credit repair (信用修复) and how it ended. The party shows the violation
 * corrected, a public credit commitment (信用承诺) and safety training done; that the penalty was
 * carried out is checked against enforcement's facts when it is approved.
 *
 * @param decisionReason why it was approved, rejected, or later found fraudulent
 */
public record RepairApplication(String id, Instant appliedAt, String appliedBy, String correction, String commitment,
    String training, State state, Instant decidedAt, String decidedBy, String decisionReason) {

  public enum State {
    PENDING,
    APPROVED,
    REJECTED,
    /** Approved, then found fraudulent: the listing was restored. */
    REVOKED
  }

  RepairApplication decided(State to, Instant at, String by, String reason) {
    return new RepairApplication(id, appliedAt, appliedBy, correction, commitment, training, to, at, by, reason);
  }
}
