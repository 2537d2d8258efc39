package cn.worksafety.enforcement.penaltycase.model;

/** Where a penalty case stands in its legal lifecycle (立案 → 调查取证 → 告知 → 决定 …). */
public enum CaseState {
  FILED,
  INVESTIGATING,
  NOTIFIED,
  /** The decision is recorded and waits for the supervisor's approval. */
  DECIDED,
  /** Approved: the decision is in force and announced. */
  APPROVED,
  SERVED,
  EXECUTED,
  CLOSED,
  /** The decision was revoked; nothing follows. */
  REVOKED
}
