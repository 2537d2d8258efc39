package cn.worksafety.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PastFactsTest {
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00.750Z");

  @Test
  void aLittleAheadOfOurClockIsNotTheFuture() {
    assertThat(PastFacts.inFuture(NOW.plusSeconds(119), NOW)).isFalse();
    assertThat(PastFacts.inFuture(NOW.plusSeconds(121), NOW)).isTrue();
  }

  @Test
  void theSameSecondIsNotBefore() {
    Instant sameSecondWholeSecond = Instant.parse("2026-11-23T10:00:00Z");
    assertThat(PastFacts.before(sameSecondWholeSecond, NOW)).isFalse();
    assertThat(PastFacts.before(sameSecondWholeSecond.minusMillis(1), NOW)).isTrue();
  }
}
