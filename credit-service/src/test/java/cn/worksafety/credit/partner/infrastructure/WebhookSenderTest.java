package cn.worksafety.credit.partner.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.credit.partner.application.WebhookUrlPolicy;
import cn.worksafety.credit.partner.model.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What counts against a delivery's attempts, and what sends the event back to the queue instead. */
class WebhookSenderTest {
  private HttpServer receiver;
  private final AtomicInteger posts = new AtomicInteger();
  private WebhookSender sender;
  private Webhook webhook;

  @BeforeEach
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      posts.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    receiver.start();
    int port = receiver.getAddress().getPort();
    WebhookUrlPolicy policy = new WebhookUrlPolicy(List.of("127.0.0.1:" + port), List.of("localhost"));
    sender = new WebhookSender(policy, Clock.systemUTC(), new SimpleMeterRegistry(), 3, Duration.ofMillis(10),
        Duration.ofMillis(50), Duration.ofSeconds(2));
    webhook = new Webhook(URI.create("http://127.0.0.1:" + port + "/hook"), "secret");
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  @Test
  void aDepartmentThatNeverTakesTheEventUsesUpItsAttempts() {
    assertThat(sender.deliver("mof", () -> Optional.of(webhook), body(), "e1")).isFalse();
    assertThat(posts).hasValue(3);
  }

  @Test
  void aFailureOfOurOwnIsThrownNotCountedAgainstTheEvent() {
    assertThatThrownBy(() -> sender.deliver("mof", () -> {
      throw new IllegalStateException("the store cannot be reached");
    }, body(), "e2")).isInstanceOf(IllegalStateException.class);
    assertThat(posts).as("nothing posted, nothing to dead-letter").hasValue(0);
  }

  private static byte[] body() {
    return "{\"id\":\"e\"}".getBytes(StandardCharsets.UTF_8);
  }
}
