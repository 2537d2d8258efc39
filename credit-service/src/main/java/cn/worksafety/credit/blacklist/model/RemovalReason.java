package cn.worksafety.credit.blacklist.model;

/** Why an entry left the list (the {@code reason} of {@code credit.blacklist.removed}). */
public enum RemovalReason {
  /** The 3-year term ended. */
  EXPIRED,
  /** Credit repair was approved. */
  REPAIRED,
  /** The penalty decision behind it was revoked. */
  REVOKED
}
