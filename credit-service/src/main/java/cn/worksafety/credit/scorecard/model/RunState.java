package cn.worksafety.credit.scorecard.model;

public enum RunState {
  /** Waiting for a replica to take it. */
  QUEUED,
  /** A replica works on it under a lease; another takes it over, where it left off, if the lease lapses. */
  RUNNING,
  SUCCEEDED,
  FAILED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED;
  }
}
