package cn.worksafety.enforcement.inspection.model;

/** What a re-inspection (复查) found about one hazard. */
public enum VerificationOutcome {
  RECTIFIED,
  NOT_RECTIFIED
}
