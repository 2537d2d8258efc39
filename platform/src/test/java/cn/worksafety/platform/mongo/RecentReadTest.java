package cn.worksafety.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentReadTest {
  private Instant now = Instant.parse("2026-12-06T08:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void aReadServesUntilItIsTooOldOrForgotten() {
    AtomicInteger reads = new AtomicInteger();
    RecentRead<Integer> recent = new RecentRead<>(reads::incrementAndGet, Duration.ofSeconds(5), clock);
    assertThat(recent.get()).isEqualTo(1);
    now = now.plusMillis(4_999);
    assertThat(recent.get()).as("still fresh").isEqualTo(1);
    now = now.plusMillis(1);
    assertThat(recent.get()).as("5 s old: read again").isEqualTo(2);
    recent.forget();
    assertThat(recent.get()).as("after a write here").isEqualTo(3);
    assertThat(reads).hasValue(3);
  }
}
