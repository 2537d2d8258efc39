package cn.worksafety.credit.scorecard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The system clock moved by an offset a test sets: the service's "now" for rules that depend on it. */
public final class MutableClock extends Clock {
  private final ZoneId zone;
  private volatile Duration offset = Duration.ZERO;

  public MutableClock(ZoneId zone) {
    this.zone = zone;
  }

  /** From now on, "now" is {@code at} and runs on from there. */
  public void setNowTo(Instant at) {
    offset = Duration.between(Instant.now(), at);
  }

  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    throw new UnsupportedOperationException("the service keeps one zone");
  }
}
