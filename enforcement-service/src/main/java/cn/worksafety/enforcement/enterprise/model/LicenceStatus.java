package cn.worksafety.enforcement.enterprise.model;

/** The state of the enterprise's 安全生产许可证, where its industry needs one. */
public enum LicenceStatus {
  NOT_REQUIRED,
  /** required, and none on record: operating so is a listing trigger */
  MISSING,
  VALID,
  SUSPENDED,
  REVOKED
}
