package cn.worksafety.gateway.ratelimit;

import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * One connection to Redis, opened without blocking on first use. A failed attempt is remembered
 * for {@link #RETRY_AFTER}, so requests during an outage fail at once instead of each waiting to
 * connect; after that the next request tries again. Once open, Lettuce reconnects by itself.
 */
final class RedisBucketConnection implements AutoCloseable {
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private final RedisClient client;
  private final RedisURI uri;
  private final Function<StatefulRedisConnection<byte[], byte[]>, AsyncProxyManager<String>> toBuckets;
  private CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connection;
  private AsyncProxyManager<String> buckets;
  private long failedAt;

  RedisBucketConnection(String url,
      Function<StatefulRedisConnection<byte[], byte[]>, AsyncProxyManager<String>> toBuckets) {
    this.uri = RedisURI.create(url);
    uri.setTimeout(RateLimitBuckets.REDIS_TIMEOUT);
    this.client = RedisClient.create();
    this.toBuckets = toBuckets;
  }

  Mono<AsyncProxyManager<String>> buckets() {
    return Mono.defer(() -> Mono.fromFuture(connect())).map(this::bucketsOn);
  }

  private synchronized CompletableFuture<StatefulRedisConnection<byte[], byte[]>> connect() {
    boolean lastAttemptFailed = connection != null && connection.isCompletedExceptionally();
    if (connection == null || lastAttemptFailed && System.nanoTime() - failedAt > RETRY_AFTER.toNanos()) {
      connection = client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture();
      connection.whenComplete((c, e) -> {
        if (e != null) {
          failed();
        }
      });
    }
    return connection;
  }

  private synchronized void failed() {
    failedAt = System.nanoTime();
  }

  private synchronized AsyncProxyManager<String> bucketsOn(StatefulRedisConnection<byte[], byte[]> open) {
    if (buckets == null) {
      buckets = toBuckets.apply(open);
    }
    return buckets;
  }

  @Override
  public void close() {
    client.shutdown();
  }
}
