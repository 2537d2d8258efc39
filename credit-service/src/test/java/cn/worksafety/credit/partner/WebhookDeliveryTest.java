package cn.worksafety.credit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department without AMQP receives its events at a webhook (a small HTTP server here, let in as a
 * trusted target): signed with its secret, retried with backoff while it fails, and left in its
 * dead-letter queue when it never takes one.
 */
class WebhookDeliveryTest extends CreditIntegrationTest {
  private static final HttpServer RECEIVER;
  private static final List<Delivery> RECEIVED = new CopyOnWriteArrayList<>();
  /** How many of the coming deliveries the receiver answers with 503. */
  private static final AtomicInteger FAILURES_AHEAD = new AtomicInteger();

  record Delivery(String id, String timestamp, String signature, String body, long at) {}

  static {
    try {
      RECEIVER = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RECEIVER.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      RECEIVED.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Webhook-Id"),
          exchange.getRequestHeaders().getFirst("X-Webhook-Timestamp"),
          exchange.getRequestHeaders().getFirst("X-Webhook-Signature"), body, System.currentTimeMillis()));
      int status = FAILURES_AHEAD.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    RECEIVER.start();
  }

  @DynamicPropertySource
  static void webhooks(DynamicPropertyRegistry registry) {
    registry.add("app.webhooks.trusted-targets", () -> "127.0.0.1:" + RECEIVER.getAddress().getPort());
    registry.add("app.webhooks.attempts", () -> "3");
    registry.add("app.webhooks.initial-backoff", () -> "200ms");
  }

  @Test
  void eventsArePostedSignedRetriedWithBackoffAndDeadLetteredWhenNeverTaken() throws Exception {
    String code = "t" + UUID.randomUUID().toString().substring(0, 8);
    String url = "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook";
    TestHttp.Response registered = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", code,
        "name", "文明办", "measures", List.of("M-HONOURS"), "webhookUrl", url));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    String secret = registered.json().get("webhookSecret").asString();
    assertThat(registered.json().has("credentials")).as("no broker user for a webhook department").isFalse();
    assertThat(registered.json().get("partner").get("webhookUrl").asString()).isEqualTo(url);
    assertThat(http.get("/api/credit/partners/" + code, TestTokens.admin()).body()).doesNotContain(secret);
    try {
      FAILURES_AHEAD.set(2);
      String first = UUID.randomUUID().toString();
      enqueue(code, first);
      List<Delivery> attempts = awaitDeliveries(first, 3);
      for (Delivery attempt : attempts) {
        assertThat(attempt.signature()).isEqualTo(sign(secret, attempt.timestamp(), attempt.body()));
        assertThat(TestHttp.json(attempt.body()).get("id").asString()).isEqualTo(first);
      }
      assertThat(attempts.get(1).at() - attempts.get(0).at()).as("backoff before the 2nd attempt")
          .isGreaterThanOrEqualTo(180);
      assertThat(attempts.get(2).at() - attempts.get(1).at()).as("doubled before the 3rd").isGreaterThanOrEqualTo(360);
      Thread.sleep(1_000);
      assertThat(RECEIVED.stream().filter(d -> first.equals(d.id()))).as("taken at the 3rd: no 4th").hasSize(3);
      assertThat(http.get("/api/credit/partners/" + code + "/dead-letters", TestTokens.admin()).json().get("count")
          .asLong()).as("taken, so acknowledged: not dead-lettered").isZero();

      FAILURES_AHEAD.set(3);
      String never = UUID.randomUUID().toString();
      enqueue(code, never);
      awaitDeliveries(never, 3);
      awaitDeadLetter(code, never);
      Thread.sleep(500);
      assertThat(RECEIVED.stream().filter(d -> never.equals(d.id()))).as("no 4th attempt").hasSize(3);

      TestHttp.Response renewed = http.post("/api/credit/partners/" + code + "/credentials", TestTokens.admin(),
          Map.of());
      String newSecret = renewed.json().get("webhookSecret").asString();
      assertThat(newSecret).isNotEqualTo(secret);
      String third = UUID.randomUUID().toString();
      enqueue(code, third);
      Delivery signedAnew = awaitDeliveries(third, 1).get(0);
      assertThat(signedAnew.signature()).isEqualTo(sign(newSecret, signedAnew.timestamp(), signedAnew.body()));
    } finally {
      http.send("DELETE", "/api/credit/partners/" + code, TestTokens.admin(), null, Map.of());
    }
  }

  @Test
  void aWebhookUrlPointingAtAnInternalAddressIsRefusedAndRegistersNothing() {
    for (String url : List.of("http://127.0.0.1:8082/actuator", "https://localhost/", "https://169.254.169.254/latest",
        "https://10.0.0.8/hook", "ftp://example.com/x")) {
      TestHttp.Response refused = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", "internal",
          "name", "x", "measures", List.of(), "webhookUrl", url));
      assertThat(refused.status()).as(url).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("webhookUrl");
    }
    assertThat(http.get("/api/credit/partners/internal", TestTokens.admin()).status()).isEqualTo(404);
  }

  private static void enqueue(String code, String id) throws Exception {
    String event = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/credit-service\","
        + "\"type\":\"credit.blacklist.entered\",\"subject\":\"91440300MA5FXXXX0X\",\"sequence\":\"1\",\"data\":{}}";
    try (Connection connection = new ConnectionFactory().newConnection(); Channel channel = connection.createChannel()) {
      channel.basicPublish("", "partner." + code, new AMQP.BasicProperties.Builder().deliveryMode(2)
          .contentType("application/cloudevents+json").build(), event.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static List<Delivery> awaitDeliveries(String id, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 15_000;
    while (System.currentTimeMillis() < deadline) {
      List<Delivery> found = RECEIVED.stream().filter(d -> id.equals(d.id())).toList();
      if (found.size() >= count) {
        return found;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(count + " deliveries of " + id + " expected; got "
        + RECEIVED.stream().filter(d -> id.equals(d.id())).count());
  }

  private void awaitDeadLetter(String code, String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (http.get("/api/credit/partners/" + code + "/dead-letters", TestTokens.admin()).json().get("messages")
          .findValuesAsString("id").contains(id)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(id + " is not in the dead-letter queue of " + code);
  }

  private static String sign(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] signed = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(signed);
  }
}
