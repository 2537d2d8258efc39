package cn.worksafety.platform.messaging;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out an unavailable store while handling a message. An outage says nothing about the message,
 * so it must not count towards dead-lettering it: the work is retried with backoff, the message stays
 * unacknowledged meanwhile, and nothing behind it could be handled anyway. A write the store refused
 * ({@link MongoWriteException}) is not an outage and is passed on.
 */
public final class StoreOutages {
  private static final Logger log = LoggerFactory.getLogger(StoreOutages.class);

  private final Duration firstDelay;
  private final Duration maxDelay;

  public StoreOutages(Duration firstDelay, Duration maxDelay) {
    this.firstDelay = firstDelay;
    this.maxDelay = maxDelay;
  }

  public void waitOut(Runnable work) {
    Duration delay = firstDelay;
    while (true) {
      try {
        work.run();
        return;
      } catch (MongoWriteException e) {
        throw e;
      } catch (MongoException e) {
        log.warn("store unavailable ({}); retrying in {} ms", e.getMessage(), delay.toMillis());
        sleep(delay);
        delay = delay.multipliedBy(2).compareTo(maxDelay) > 0 ? maxDelay : delay.multipliedBy(2);
      }
    }
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stopped while waiting for the store", e);
    }
  }
}
