package cn.worksafety.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets per client: {@code capacity} requests at once, refilled at {@code per-second}.
 * {@code redis-url} set ⇒ the buckets live in Redis and every gateway replica shares them.
 */
@Validated
@ConfigurationProperties("app.rate-limit")
public record RateLimitProperties(
    @NotNull @Valid Limit anonymous,
    @NotNull @Valid Limit partner,
    String redisUrl) {

  public record Limit(@Min(1) long capacity, @Min(1) long perSecond) {
    /** How long a bucket not used stays stored: the time it takes to fill up again. */
    Duration refillTime() {
      return Duration.ofMillis(Math.max(1000, capacity * 1000 / perSecond));
    }
  }

  Limit of(ClientKey.Kind kind) {
    return kind == ClientKey.Kind.PARTNER ? partner : anonymous;
  }

  boolean sharedThroughRedis() {
    return redisUrl != null && !redisUrl.isBlank();
  }
}
