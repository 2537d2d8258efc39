package cn.worksafety.gateway.publicquery;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets the fast path's requests finish when the gateway stops. Reactor Netty's graceful shutdown
 * waits only for the requests it handles itself; a connection with a fast-path request in flight
 * looks idle to it and would be closed under the request. So, just before that shutdown begins, the
 * fast path stops taking requests (they go the ordinary way, which the shutdown waits for) and the
 * ones it has are waited for, at most {@link #LONGEST_WAIT}.
 */
@Component
class FastPathDrain implements SmartLifecycle {
  /** Longer than the public route's time limit: every request in flight has ended by then. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean running;

  boolean draining() {
    return !running;
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stopped just before the web server's graceful shutdown starts. */
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
  }
}
