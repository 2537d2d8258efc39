package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The enforcement route points at a real HTTP server started here; the credit and public routes
 * point at a port nothing listens on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "10s")
class RoutingTest {
  private static final Duration TIME_LIMIT = Duration.ofMillis(1500);

  private static final AtomicReference<Received> lastReceived = new AtomicReference<>();
  private static final HttpServer downstream = startDownstream();

  @Autowired
  WebTestClient client;

  @Autowired
  TimeLimiterRegistry timeLimiters;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  /** What the downstream saw of one request. */
  record Received(String method, String rawPathAndQuery, String authorization, String requestId, String traceparent,
      String body) {}

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    registry.add("ENFORCEMENT_URI", () -> "http://127.0.0.1:" + downstream.getAddress().getPort());
    registry.add("CREDIT_URI", () -> "http://127.0.0.1:" + TestSupport.unusedPort());
    registry.add("DOWNSTREAM_RESPONSE_TIMEOUT", () -> "1s");
    registry.add("DOWNSTREAM_TIMEOUT", TIME_LIMIT::toString);
  }

  @AfterAll
  static void stopDownstream() {
    downstream.stop(0);
  }

  @BeforeEach
  void forget() {
    lastReceived.set(null);
  }

  @Test
  void forwardsThePathTokenAndARequestIdAndEchoesTheId() throws Exception {
    String token = token();
    String echoed = client.get().uri("/api/enforcement/enterprises/91330100MA27XYZ12A?page=1&size=20")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.from").isEqualTo("downstream")
        .returnResult().getResponseHeaders().getFirst("X-Request-Id");

    Received received = lastReceived.get();
    assertThat(received.method()).isEqualTo("GET");
    assertThat(received.rawPathAndQuery()).isEqualTo("/api/enforcement/enterprises/91330100MA27XYZ12A?page=1&size=20");
    assertThat(received.authorization()).isEqualTo("Bearer " + token);
    assertThat(received.requestId()).matches("[A-Za-z0-9._-]{1,128}");
    assertThat(echoed).isEqualTo(received.requestId());
  }

  @Test
  void continuesTheCallersTraceTowardsTheService() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    client.get().uri("/api/enforcement/enterprises")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .exchange()
        .expectStatus().isOk();
    assertThat(lastReceived.get().traceparent()).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");

    client.get().uri("/api/enforcement/enterprises").header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
        .exchange().expectStatus().isOk();
    assertThat(lastReceived.get().traceparent()).as("a request without one starts a trace")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]").doesNotContain(traceId);
  }

  @Test
  void aTokenFromTheDevEndpointIsAcceptedAndPassedOnUnchanged() {
    String token = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"subject\":\"sup-1\",\"roles\":[\"SUPERVISOR\"],\"region\":\"110101\"}")
        .exchange()
        .expectStatus().isCreated()
        .expectBody(DevTokenBody.class).returnResult().getResponseBody().token();

    client.get().uri("/api/enforcement/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus().isOk();
    assertThat(lastReceived.get().authorization()).isEqualTo("Bearer " + token);
  }

  record DevTokenBody(String token) {}

  @Test
  void keepsAnIncomingRequestIdAndPassesBodiesOn() throws Exception {
    client.post().uri("/api/enforcement/inspections")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
        .header("X-Request-Id", "client-chosen.id_42")
        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"uscc\":\"x\"}")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Request-Id", "client-chosen.id_42");

    assertThat(lastReceived.get().requestId()).isEqualTo("client-chosen.id_42");
    assertThat(lastReceived.get().method()).isEqualTo("POST");
    assertThat(lastReceived.get().body()).isEqualTo("{\"uscc\":\"x\"}");
  }

  @Test
  void replacesAnUnsafeIncomingRequestId() throws Exception {
    String echoed = client.get().uri("/api/enforcement/cases")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
        .header("X-Request-Id", "bad id\twith spaces")
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

    assertThat(echoed).isNotEqualTo("bad id\twith spaces").isEqualTo(lastReceived.get().requestId());
  }

  @Test
  void aDownServiceAnswers503ProblemForEveryMethod() throws Exception {
    String token = token();
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE)) {
      client.method(method).uri("/api/credit/blacklist")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
          .exchange()
          .expectStatus().isEqualTo(503)
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectHeader().exists("X-Request-Id")
          .expectBody()
          .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/service-unavailable")
          .jsonPath("$.title").isEqualTo("Service unavailable")
          .jsonPath("$.status").isEqualTo(503)
          .jsonPath("$.detail").value(d -> assertThat((String) d).contains("credit-service"))
          .jsonPath("$.instance").isEqualTo("/api/credit/blacklist");
    }
  }

  @Test
  void thePublicRouteNeedsNoTokenAndFallsBackToo() {
    client.get().uri("/api/public/enterprises?q=&page=0&size=20")
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("credit-service"));
  }

  @Test
  void aHungServiceIsCutOffWithin503() throws Exception {
    long start = System.nanoTime();
    client.get().uri("/api/enforcement/slow")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
        .exchange()
        .expectStatus().isEqualTo(503)
        .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("enforcement-service"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void theCircuitBreakerTimeLimitComesFromConfiguration() {
    assertThat(timeLimiters.getDefaultConfig().getTimeoutDuration()).isEqualTo(TIME_LIMIT);
  }

  private String token() throws Exception {
    return TestSupport.sign("officer-1", List.of("OFFICER"), "330100", secret);
  }

  private static HttpServer startDownstream() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", RoutingTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    lastReceived.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Request-Id"),
        exchange.getRequestHeaders().getFirst("traceparent"), body));
    if (exchange.getRequestURI().getPath().endsWith("/slow")) {
      sleepQuietly(Duration.ofSeconds(8));
    }
    byte[] answer = "{\"from\":\"downstream\"}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
