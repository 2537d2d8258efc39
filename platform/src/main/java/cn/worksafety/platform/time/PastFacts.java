package cn.worksafety.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Checks on times a person reports for things that already happened. Clients send whole seconds and
 * their clocks drift a little from ours, so a fact is "in the future" only beyond a small allowance,
 * and "before" another one only when a whole second earlier. Plain Java, for use in models.
 */
public final class PastFacts {
  static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private PastFacts() {}

  public static boolean inFuture(Instant reported, Instant now) {
    return reported.isAfter(now.plus(CLOCK_SKEW));
  }

  public static boolean before(Instant reported, Instant earliest) {
    return reported.isBefore(earliest.truncatedTo(ChronoUnit.SECONDS));
  }
}
