package cn.worksafety.credit.scorecard.application;

import java.time.Duration;

/**
 * How runs are worked.
 *
 * @param lease how long a run stays with the replica working on it without a checkpoint
 * @param batchSize files read per cursor batch, and the most gone through between checkpoints
 * @param checkpointInterval the longest time between checkpoints
 * @param maxAttempts after this many errors a run fails
 * @param retryDelay how long a run given up after an error waits
 * @param refreshInterval how often every replica re-reads the version in force; an activation waits
 *     this long after switching over before it re-rates, so no replica still rates with the old one
 */
public record RunSettings(Duration lease, int batchSize, Duration checkpointInterval, int maxAttempts,
    Duration retryDelay, Duration refreshInterval) {

  public RunSettings {
    if (batchSize < 1 || maxAttempts < 1 || lease.compareTo(checkpointInterval.multipliedBy(3)) < 0) {
      throw new IllegalArgumentException("app.scorecards.runs: batch-size and max-attempts must be at least 1 and "
          + "the lease at least three checkpoint intervals");
    }
  }
}
