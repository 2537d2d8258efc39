package cn.worksafety.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The token buckets, one per client, kept in this process or in Redis. Bucket4j does the
 * arithmetic and, in Redis, the compare-and-swap that keeps replicas from overspending a bucket.
 */
public final class RateLimitBuckets implements AutoCloseable {
  /** Clients remembered in memory; the least recently seen are forgotten first (their buckets were full). */
  private static final long MAX_CLIENTS_IN_MEMORY = 100_000;
  static final Duration REDIS_TIMEOUT = Duration.ofSeconds(1);

  private final Mono<AsyncProxyManager<String>> buckets;
  private final RedisBucketConnection redis;
  private final String store;

  private RateLimitBuckets(Mono<AsyncProxyManager<String>> buckets, RedisBucketConnection redis, String store) {
    this.buckets = buckets;
    this.redis = redis;
    this.store = store;
  }

  static RateLimitBuckets inMemory(Duration longestRefill) {
    Caffeine<Object, Object> cache = Caffeine.newBuilder().maximumSize(MAX_CLIENTS_IN_MEMORY);
    AsyncProxyManager<String> buckets = Bucket4jCaffeine.<String>builderFor(cache)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longestRefill))
        .build().asAsync();
    return new RateLimitBuckets(Mono.just(buckets), null, "memory");
  }

  /** Connects on first use, not at start: the gateway starts and serves while Redis is down. */
  static RateLimitBuckets inRedis(String url, Duration longestRefill) {
    RedisBucketConnection redis = new RedisBucketConnection(url, connection -> Bucket4jLettuce.casBasedBuilder(connection)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longestRefill))
        .requestTimeout(REDIS_TIMEOUT)
        .build().asAsync().withMapper(RateLimitBuckets::redisKey));
    return new RateLimitBuckets(redis.buckets(), redis, "redis");
  }

  static byte[] redisKey(String bucket) {
    return ("gateway:rate-limit:" + bucket).getBytes(StandardCharsets.UTF_8);
  }

  /** Takes one token from the client's bucket, or says how long until there is one. */
  Mono<ConsumptionProbe> take(String bucket, BucketConfiguration limit) {
    return buckets.flatMap(b -> Mono.fromFuture(() -> b.builder().build(bucket, limit).tryConsumeAndReturnRemaining(1)));
  }

  String store() {
    return store;
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
