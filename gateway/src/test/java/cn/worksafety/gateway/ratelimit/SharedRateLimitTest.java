package cn.worksafety.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas' buckets in one real Redis (the local one; set {@code TEST_REDIS_URL} for
 * another): what one replica spends, the other cannot spend again.
 */
class SharedRateLimitTest {
  private static final String REDIS = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
  private static final BucketConfiguration FIVE_A_MINUTE = BucketConfiguration.builder()
      .addLimit(Bandwidth.builder().capacity(5).refillGreedy(5, Duration.ofMinutes(1)).build()).build();

  private final RateLimitBuckets replicaA = RateLimitBuckets.inRedis(REDIS, Duration.ofMinutes(1));
  private final RateLimitBuckets replicaB = RateLimitBuckets.inRedis(REDIS, Duration.ofMinutes(1));
  private final String client = "anonymous:test-" + UUID.randomUUID();

  @AfterEach
  void close() {
    replicaA.close();
    replicaB.close();
  }

  @Test
  void replicasShareOneBucketPerClient() {
    for (int i = 0; i < 3; i++) {
      assertThat(take(replicaA).isConsumed()).isTrue();
    }
    assertThat(take(replicaB).getRemainingTokens()).isEqualTo(1);
    assertThat(take(replicaA).isConsumed()).isTrue();
    ConsumptionProbe refused = take(replicaB);
    assertThat(refused.isConsumed()).isFalse();
    assertThat(refused.getNanosToWaitForRefill()).isPositive();
  }

  @Test
  void anUnreachableRedisFailsTheTakeQuicklyInsteadOfFailingTheStart() {
    try (RateLimitBuckets down = RateLimitBuckets.inRedis("redis://127.0.0.1:1", Duration.ofMinutes(1))) {
      assertThat(down.take(client, FIVE_A_MINUTE).map(p -> "answered").onErrorReturn("failed")
          .block(Duration.ofSeconds(10))).isEqualTo("failed");
    }
  }

  private ConsumptionProbe take(RateLimitBuckets replica) {
    return replica.take(client, FIVE_A_MINUTE).block(Duration.ofSeconds(5));
  }
}
