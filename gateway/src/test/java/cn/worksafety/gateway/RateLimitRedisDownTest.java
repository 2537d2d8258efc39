package cn.worksafety.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A configured Redis that is down neither stops the gateway from starting nor closes the public API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "20s")
class RateLimitRedisDownTest {
  private static final StubService credit = new StubService();

  @Autowired
  WebTestClient client;

  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("CREDIT_URI", credit::uri);
    registry.add("RATE_LIMIT_REDIS_URL", () -> "redis://127.0.0.1:" + TestSupport.unusedPort());
    registry.add("RATE_LIMIT_ANONYMOUS_BURST", () -> 1);
  }

  @AfterAll
  static void stop() {
    credit.close();
  }

  @Test
  void requestsPassWhileTheBucketStoreIsUnreachable() {
    for (int i = 0; i < 5; i++) {
      client.get().uri("/api/public/enterprises?q=x").exchange().expectStatus().isOk();
    }
  }
}
