package cn.worksafety.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreOutagesTest {
  private final StoreOutages outages = new StoreOutages(Duration.ofMillis(1), Duration.ofMillis(4));

  @Test
  void anOutageIsWaitedOutInsteadOfFailingTheMessage() {
    AtomicInteger attempts = new AtomicInteger();
    outages.waitOut(() -> {
      if (attempts.incrementAndGet() < 6) {
        throw new MongoTimeoutException("store down");
      }
    });
    assertThat(attempts).hasValue(6);
  }

  @Test
  void otherFailuresArePassedOnAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> outages.waitOut(() -> {
      attempts.incrementAndGet();
      throw new IllegalArgumentException("bad data");
    })).isInstanceOf(IllegalArgumentException.class);
    assertThat(attempts).hasValue(1);
  }
}
