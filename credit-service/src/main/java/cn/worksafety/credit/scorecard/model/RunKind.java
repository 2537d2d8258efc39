package cn.worksafety.credit.scorecard.model;

/** What a scorecard run does over every enterprise's file. */
public enum RunKind {
  /** Rates every file with a draft beside the version in force, changing nothing. */
  SIMULATION,
  /** Puts a draft in force and re-rates every file with it. */
  ACTIVATION,
  /** Re-rates every file with the version in force: records age out or count less without any event. */
  DAILY_RERATING;

  /** Whether runs of this kind write ratings; such runs work one at a time, in the order they were asked for. */
  public boolean rerates() {
    return this != SIMULATION;
  }
}
