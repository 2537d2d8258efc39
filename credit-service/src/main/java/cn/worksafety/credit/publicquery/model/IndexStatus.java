package cn.worksafety.credit.publicquery.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the name index stands. It can be searched once its first walk through the store has
 * finished; a later walk (after the feed of events was interrupted) catches up while it is searched.
 *
 * @param walked enterprises the current (or last) walk has gone through
 * @param expected about how many files the store holds (registered or not), when the walk began
 * @param walkStartedAt when the current (or last) walk began; null before the first
 * @param searchableSince null until the first walk has finished
 * @param eventsApplied enterprise events applied since start (those that were not newer are not counted)
 */
public record IndexStatus(boolean walking, long walked, long expected, Instant walkStartedAt,
    Instant searchableSince, long eventsApplied) {
  private static final long FIRST_RETRY_SECONDS = 5;
  private static final long LONGEST_RETRY_SECONDS = 60;


  public boolean searchable() {
    return searchableSince != null;
  }

  /** How far the walk has come, 0 to 100. */
  public int percent() {
    if (expected <= 0) {
      return walking ? 0 : 100;
    }
    return (int) Math.min(100, walked * 100 / expected);
  }

  /** About how long until the walk is through, from its pace so far; 1 s to 1 min. */
  public long secondsLeft(Instant now) {
    if (!walking || walked == 0 || walkStartedAt == null) {
      return FIRST_RETRY_SECONDS;
    }
    double perSecond = walked / Math.max(0.001, Duration.between(walkStartedAt, now).toMillis() / 1000.0);
    long left = (long) Math.ceil(Math.max(0, expected - walked) / perSecond);
    return Math.max(1, Math.min(LONGEST_RETRY_SECONDS, left));
  }
}
