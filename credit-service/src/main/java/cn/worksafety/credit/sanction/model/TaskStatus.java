package cn.worksafety.credit.sanction.model;

/** Where a department stands with one listing; derived from the task, never stored. */
public enum TaskStatus {
  /** Issued; the department has not acknowledged it. */
  OPEN,
  /** Acknowledged; some measure has no outcome yet. */
  ACKNOWLEDGED,
  /** Every measure reported applied or not applicable while the entry is in force. */
  APPLIED,
  /** The entry was removed; some measure applied has not been reported lifted. */
  LIFT_PENDING,
  /** The entry was removed and every measure applied is reported lifted. */
  LIFTED
}
