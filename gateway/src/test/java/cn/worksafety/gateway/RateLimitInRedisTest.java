package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** With {@code RATE_LIMIT_REDIS_URL} set, the buckets are kept in that (real, local) Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "20s")
class RateLimitInRedisTest {
  private static final String REDIS = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");
  private static final String BUCKET_KEY = "gateway:rate-limit:anonymous:127.0.0.1";
  private static final StubService credit = new StubService();

  @Autowired
  WebTestClient client;

  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("CREDIT_URI", credit::uri);
    registry.add("RATE_LIMIT_REDIS_URL", () -> REDIS);
    registry.add("RATE_LIMIT_ANONYMOUS_BURST", () -> 4);
    registry.add("RATE_LIMIT_ANONYMOUS_PER_SECOND", () -> 1);
    redis(r -> r.sync().del(BUCKET_KEY));
  }

  @AfterAll
  static void stop() {
    credit.close();
  }

  @Test
  void aBurstIsLimitedThroughTheBucketInRedis() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(client.get().uri("/api/public/enterprises?q=x").exchange().expectBody().returnResult()
          .getStatus().value());
    }
    assertThat(statuses).contains(200).contains(429);
    Long stored = redis(r -> r.sync().exists(BUCKET_KEY));
    assertThat(stored).isEqualTo(1L);
  }

  private static <T> T redis(java.util.function.Function<StatefulRedisConnection<String, String>, T> use) {
    RedisClient redis = RedisClient.create(REDIS);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      return use.apply(connection);
    } finally {
      redis.shutdown();
    }
  }
}
