package cn.worksafety.enforcement.penaltycase.model;

/** Penalty kinds of 行政处罚法 Art. 9 as they apply to work safety. */
public enum PenaltyKind {
  WARNING(false, false),
  FINE(true, false),
  CONFISCATION(true, false),
  /** 责令停产停业整顿 */
  SUSPENSION(false, true),
  LICENCE_SUSPENSION(false, true),
  LICENCE_REVOCATION(false, false),
  CLOSURE(false, false);

  private final boolean needsAmount;
  private final boolean needsPeriod;

  PenaltyKind(boolean needsAmount, boolean needsPeriod) {
    this.needsAmount = needsAmount;
    this.needsPeriod = needsPeriod;
  }

  public boolean needsAmount() {
    return needsAmount;
  }

  public boolean needsPeriod() {
    return needsPeriod;
  }
}
