package cn.worksafety.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Requests at a fixed rate, whatever the answers do (an open loop): each latency counts from when
 * the request was due, not when it was sent, so a server that stalls is charged for the requests
 * that queued behind the stall (no coordinated omission). At most {@link #MAX_IN_FLIGHT} requests
 * are open at once, on as many kept connections, as a browser population behind a proxy would
 * hold them; a request due while all are busy waits for one, and that wait is in its latency.
 */
final class OpenLoad {
  private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);
  static final int MAX_IN_FLIGHT = 64;

  record Outcome(Histogram latencies, long due, Map<Integer, Long> statuses, long failures) {
    long ok() {
      return statuses.getOrDefault(200, 0L);
    }

    double p(double percentile) {
      return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  Outcome run(URI base, Supplier<String> paths, int perSecond, Duration duration) throws InterruptedException {
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long due = perSecond * duration.toSeconds();
    Histogram latencies = new ConcurrentHistogram(MAX_MICROS, 3);
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    AtomicLong failures = new AtomicLong();
    CountDownLatch answered = new CountDownLatch((int) due);
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long start = System.nanoTime();
    for (long k = 0; k < due; k++) {
      long dueAt = start + k * interval;
      long wait = dueAt - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      inFlight.acquire();
      HttpRequest request = HttpRequest.newBuilder(base.resolve(paths.get())).timeout(Duration.ofSeconds(30))
          .header("Accept", "application/json").GET().build();
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
        latencies.recordValue(Math.min(MAX_MICROS, Math.max(1, (System.nanoTime() - dueAt) / 1000)));
        if (error != null) {
          failures.incrementAndGet();
        } else {
          statuses.merge(response.statusCode(), 1L, Long::sum);
        }
        inFlight.release();
        answered.countDown();
      });
    }
    if (!answered.await(60, TimeUnit.SECONDS)) {
      failures.addAndGet(answered.getCount());
    }
    return new Outcome(latencies, due, statuses, failures.get());
  }
}
