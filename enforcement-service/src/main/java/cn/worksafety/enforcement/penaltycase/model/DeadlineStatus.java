package cn.worksafety.enforcement.penaltycase.model;

/** Where a case stands against its 90-day decision deadline (行政处罚法 第六十条), always worked out from dates. */
public enum DeadlineStatus {
  /** No decision yet, and the deadline is not near. */
  ON_TRACK,
  /** No decision yet, and the deadline is within the warning period. */
  DUE_SOON,
  /** No decision yet, and the deadline has passed. */
  OVERDUE,
  /** Decided by the deadline. */
  MET,
  /** Decided, but after the deadline. */
  MET_LATE
}
