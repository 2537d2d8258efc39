package cn.worksafety.credit;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.platform.testing.BrokerCleanup;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random port, against the embedded store over TCP and the real RabbitMQ,
 * with an inbox queue and a database of its own so a running local stack cannot take its messages
 * and a test class that needs a service of its own (another context) gets its own data too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CreditIntegrationTest {

  @LocalServerPort
  int port;

  /** This service's inbox queue on {@code enforcement.events}. */
  @Value("${app.inbox.queue}")
  protected String inbox;

  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

  protected TestHttp http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    // Named here, not in a static field: this method runs for every application context made.
    String name = BrokerCleanup.deleteOnExit("credit-service.test-" + UUID.randomUUID().toString().substring(0, 8));
    BrokerCleanup.deleteOnExit(name + ".dlq");
    String uri = EmbeddedMongo.uri("credit");
    registry.add("spring.mongodb.uri", () -> uri);
    // application.yml names the database, which would win over the one in the URI
    registry.add("spring.mongodb.database", () -> name.replace('.', '-'));
    registry.add("app.security.jwt.hmac-secret", () -> TestTokens.SECRET);
    registry.add("app.inbox.queue", () -> name);
    registry.add("spring.rabbitmq.listener.simple.retry.initial-interval", () -> "50ms");
  }

  @Autowired
  protected JsonMapper json;

  @BeforeEach
  void client() {
    http = new TestHttp("http://127.0.0.1:" + port);
  }

  /** Publishes an event exactly as the relay of the service that owns its type would. */
  protected void send(EventType type, String subject, String id, Object data) {
    send(type, subject, id, data, null);
  }

  /** As the other service's relay sends it, with the W3C {@code traceparent} of the request that caused it. */
  protected void send(EventType type, String subject, String id, Object data, String traceparent) {
    String source = type.exchange().equals(Exchanges.CREDIT) ? "/credit-service" : "/enforcement-service";
    CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, source, type.type(),
        subject, OffsetDateTime.now(ZoneOffset.ofHours(8)), type.dataschema(), CloudEvent.DATA_CONTENT_TYPE,
        Long.toString(SEQUENCE.incrementAndGet()), "test-" + id, traceparent, data);
    QueueProbe.publish(type.exchange(), type.type(), json.writeValueAsString(event));
  }

  /** Whether {@code path} answers {@code status} (as the public) within 10 s. */
  protected boolean awaitStatus(String path, int status) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (http.get(path, null).status() == status) {
        return true;
      }
      sleep();
    }
    return false;
  }

  protected static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
