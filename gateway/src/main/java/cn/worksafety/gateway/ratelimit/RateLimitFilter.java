package cn.worksafety.gateway.ratelimit;

import cn.worksafety.gateway.problem.ProblemResponses;
import cn.worksafety.gateway.problem.Problems;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits API requests per client ({@link ClientKey}); runs after the security chain (order −100) so
 * it knows who is calling. Over the limit: 429 problem with {@code Retry-After}. If the bucket store
 * cannot be reached the request passes: a Redis outage must not close the public page.
 */
@Component
@Order(0)
public class RateLimitFilter implements WebFilter {
  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
  static final String REMAINING_HEADER = "X-RateLimit-Remaining";

  private final RateLimitBuckets buckets;
  private final RateLimitProperties properties;
  private final ProblemResponses problems;
  private final MeterRegistry meters;
  private final Map<ClientKey.Kind, BucketConfiguration> limits = new EnumMap<>(ClientKey.Kind.class);
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));

  public RateLimitFilter(RateLimitBuckets buckets, RateLimitProperties properties, ProblemResponses problems,
      MeterRegistry meters) {
    this.buckets = buckets;
    this.properties = properties;
    this.problems = problems;
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

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(a -> !(a instanceof AnonymousAuthenticationToken))
        .map(Optional::of)
        .defaultIfEmpty(Optional.<Authentication>empty())
        .flatMap(caller -> ClientKey.of(exchange, caller.orElse(null))
            .map(client -> limit(client, exchange, chain))
            .orElseGet(() -> chain.filter(exchange)));
  }

  private Mono<Void> limit(ClientKey client, ServerWebExchange exchange, WebFilterChain chain) {
    return buckets.take(client.bucket(), limits.get(client.kind()))
        .map(Optional::of)
        .onErrorResume(e -> {
          warnAtMostEvery10Seconds(e);
          return Mono.just(Optional.empty());
        })
        .flatMap(probe -> {
          count(client, probe.map(p -> p.isConsumed() ? "allowed" : "limited").orElse("store-unavailable"));
          if (probe.isEmpty()) {
            return chain.filter(exchange);
          }
          if (probe.get().isConsumed()) {
            exchange.getResponse().getHeaders().set(REMAINING_HEADER, Long.toString(probe.get().getRemainingTokens()));
            return chain.filter(exchange);
          }
          return reject(client, probe.get(), exchange);
        });
  }

  private Mono<Void> reject(ClientKey client, ConsumptionProbe probe, ServerWebExchange exchange) {
    long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    RateLimitProperties.Limit limit = properties.of(client.kind());
    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
        "This client may make " + limit.perSecond() + " requests a second (bursts of " + limit.capacity()
            + "). Try again in " + seconds + " s.",
        exchange.getRequest().getPath().value());
    problem.setProperty("retryAfterSeconds", seconds);
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
    return problems.write(exchange, problem);
  }

  /** During an outage every request fails the same way; one line per 10 s says so (the metric counts each). */
  private void warnAtMostEvery10Seconds(Throwable e) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last > TimeUnit.SECONDS.toNanos(10) && lastWarning.compareAndSet(last, now)) {
      log.warn("rate-limit store ({}) unavailable, letting requests through: {}", buckets.store(), e.toString());
    }
  }

  private void count(ClientKey client, String outcome) {
    meters.counter("gateway.rate.limit.requests", "client", client.kind().name().toLowerCase(), "outcome", outcome)
        .increment();
  }
}
