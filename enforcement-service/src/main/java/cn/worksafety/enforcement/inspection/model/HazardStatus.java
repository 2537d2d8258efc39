package cn.worksafety.enforcement.inspection.model;

/** Where a hazard stands, always worked out from its dates and verifications, never stored. */
public enum HazardStatus {
  /** Not verified as rectified, and its deadline has not passed. */
  OPEN,
  /** Not verified as rectified, and today is past its deadline. */
  OVERDUE,
  /** A re-inspection verified it rectified (perhaps late: see {@link Hazard#rectifiedLate}). */
  RECTIFIED
}
