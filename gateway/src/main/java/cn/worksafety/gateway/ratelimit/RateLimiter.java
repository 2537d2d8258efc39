package cn.worksafety.gateway.ratelimit;

import cn.worksafety.gateway.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes a token from a client's bucket and says what to do with the request. If the bucket store
 * cannot be reached the request passes: a Redis outage must not close the public page. Used by the
 * {@link RateLimitFilter} and by the public query's fast path.
 */
@Component
public class RateLimiter {
  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  public static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  /** What to do with a request: pass it (with the tokens left, if known) or refuse it for a while. */
  public sealed interface Decision {
    record Allowed(long remaining) implements Decision {}

    record Unchecked() implements Decision {}

    record Limited(long retryAfterSeconds, ProblemDetail problem) implements Decision {}
  }

  private final RateLimitBuckets buckets;
  private final RateLimitProperties properties;
  private final MeterRegistry meters;
  private final Map<ClientKey.Kind, BucketConfiguration> limits = new EnumMap<>(ClientKey.Kind.class);
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));

  public RateLimiter(RateLimitBuckets buckets, RateLimitProperties properties, MeterRegistry meters) {
    this.buckets = buckets;
    this.properties = properties;
    this.meters = meters;
    for (ClientKey.Kind kind : ClientKey.Kind.values()) {
      limits.put(kind, configuration(properties.of(kind)));
    }
  }

  private static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
    return BucketConfiguration.builder()
        .addLimit(Bandwidth.builder().capacity(limit.capacity())
            .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
        .build();
  }

  /** A caller without a token, known by its address; {@code path} is named in the 429 problem. */
  public Mono<Decision> checkAnonymous(InetSocketAddress remote, String path) {
    return check(ClientKey.anonymous(remote), path);
  }

  Mono<Decision> check(ClientKey client, String path) {
    return buckets.take(client.bucket(), limits.get(client.kind()))
        .<Decision>map(probe -> probe.isConsumed()
            ? new Decision.Allowed(probe.getRemainingTokens())
            : limited(client, probe.getNanosToWaitForRefill(), path))
        .onErrorResume(e -> {
          warnAtMostEvery10Seconds(e);
          return Mono.just(new Decision.Unchecked());
        })
        .doOnNext(decision -> count(client, decision));
  }

  private Decision limited(ClientKey client, long nanosToWait, String path) {
    long seconds = Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    RateLimitProperties.Limit limit = properties.of(client.kind());
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
        "This client may make " + limit.perSecond() + " requests a second (bursts of " + limit.capacity()
            + "). Try again in " + seconds + " s.",
        path);
    problem.setProperty("retryAfterSeconds", seconds);
    return new Decision.Limited(seconds, problem);
  }

  /** During an outage every request fails the same way; one line per 10 s says so (the metric counts each). */
  private void warnAtMostEvery10Seconds(Throwable e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last > TimeUnit.SECONDS.toNanos(10) && lastWarning.compareAndSet(last, now)) {
      log.warn("rate-limit store ({}) unavailable, letting requests through: {}", buckets.store(), e.toString());
    }
  }

  private void count(ClientKey client, Decision decision) {
    String outcome = decision instanceof Decision.Allowed ? "allowed"
        : decision instanceof Decision.Limited ? "limited" : "store-unavailable";
    String kind = client.kind().name().toLowerCase();
    counters.computeIfAbsent(kind + "/" + outcome,
        k -> meters.counter("gateway.rate.limit.requests", "client", kind, "outcome", outcome)).increment();
  }
}
