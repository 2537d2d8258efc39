package cn.worksafety.credit;

import cn.worksafety.platform.testing.BrokerCleanup;
import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on a random port, against the embedded store over TCP and the real RabbitMQ,
 * with an inbox queue of its own so a running local stack cannot take its messages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CreditIntegrationTest {
  protected static final String INBOX = BrokerCleanup.deleteOnExit(
      "credit-service.test-" + UUID.randomUUID().toString().substring(0, 8));

  @LocalServerPort
  int port;

  protected TestHttp http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    BrokerCleanup.deleteOnExit(INBOX + ".dlq");
    registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("credit"));
    registry.add("app.security.jwt.hmac-secret", () -> TestTokens.SECRET);
    registry.add("app.inbox.queue", () -> INBOX);
    registry.add("spring.rabbitmq.listener.simple.retry.initial-interval", () -> "50ms");
  }

  @BeforeEach
  void client() {
    http = new TestHttp("http://127.0.0.1:" + port);
  }
}
