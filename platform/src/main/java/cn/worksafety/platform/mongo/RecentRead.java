package cn.worksafety.platform.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A small collection read again at most once per {@code maxAge}, and at once after a write through
 * this instance: for data every event needs (the partner registry, the measure catalogue) that
 * changes rarely. A write on another instance is seen within {@code maxAge}.
 */
public final class RecentRead<T> {
  private final Supplier<T> read;
  private final Duration maxAge;
  private final Clock clock;
  private volatile Snapshot<T> last;

  private record Snapshot<T>(T value, Instant readAt) {}

  public RecentRead(Supplier<T> read, Duration maxAge, Clock clock) {
    this.read = read;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  public T get() {
    Snapshot<T> snapshot = last;
    Instant now = clock.instant();
    if (snapshot == null || !now.isBefore(snapshot.readAt().plus(maxAge))) {
      snapshot = new Snapshot<>(read.get(), now);
      last = snapshot;
    }
    return snapshot.value();
  }

  /** After a write through this instance: the next get reads again. */
  public void forget() {
    last = null;
  }
}
