package cn.worksafety.credit.sanction.model;

/** What a department reports for one measure (反馈). */
public enum Outcome {
  /** The measure is in effect, under the department's own reference. */
  APPLIED,
  /** The measure does not apply to this unit (it holds no such licence, has no such business...). */
  NOT_APPLICABLE,
  /** After the entry's removal, the measure is no longer in effect. */
  LIFTED
}
