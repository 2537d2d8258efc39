package cn.worksafety.credit.partner.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.credit.partner.application.WebhookUrlPolicy;
import cn.worksafety.credit.partner.model.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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

  /**
   * A name that answers a public address to the check before each attempt and a loopback one
   * after it (DNS rebinding): the connection must not go to the loopback one, where an internal
   * service listens.
   */
  @Test
  void aNameThatRebindsToAnInternalAddressAfterTheCheckIsNotConnectedTo() throws Exception {
    try (ServerSocket internalService = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!internalService.isClosed()) {
          try (Socket connection = internalService.accept()) {
            accepted.incrementAndGet();
          } catch (java.io.IOException closed) {
            return;
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      AtomicInteger lookups = new AtomicInteger();
      WebhookUrlPolicy rebinding = new WebhookUrlPolicy(host -> new InetAddress[] {
          lookups.getAndIncrement() % 2 == 0 ? InetAddress.getByName("203.0.113.7") : InetAddress.getLoopbackAddress()},
          List.of(), List.of("localhost"));
      WebhookSender rebindingSender = new WebhookSender(rebinding, Clock.systemUTC(), new SimpleMeterRegistry(), 3,
          Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2));
      Webhook rebound = new Webhook(URI.create("https://hook.example.org:" + internalService.getLocalPort() + "/hook"),
          "secret");

      assertThat(rebindingSender.deliver("mof", () -> Optional.of(rebound), body(), "e3")).isFalse();
      assertThat(lookups).as("each attempt: the check, then the connection's own lookup").hasValue(6);
      assertThat(accepted).as("connections that reached the internal service").hasValue(0);
      internalService.close();
      acceptor.join(1_000);
    }
  }

  private static byte[] body() {
    return "{\"id\":\"e\"}".getBytes(StandardCharsets.UTF_8);
  }
}
