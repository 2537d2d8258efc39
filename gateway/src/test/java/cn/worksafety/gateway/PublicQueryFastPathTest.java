package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Anonymous reads of the public query API bypass the WebFlux chain: what reaches credit-service, what
 * comes back, and which requests are left to the ordinary route. The rate limit, breaker, bulkhead and
 * kept answers on this path are in RateLimitTest, ResilienceTest and LoadBalancingTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "10s")
class PublicQueryFastPathTest {
  private static final String FAST_PATH_URI = "/api/public/**";
  private static final List<Received> received = new CopyOnWriteArrayList<>();
  private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
  private static final HttpServer credit = startCredit();

  @Autowired
  WebTestClient client;

  @Autowired
  MeterRegistry meters;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @LocalServerPort
  int port;

  record Received(String method, String pathAndQuery, Map<String, List<String>> headers) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    registry.add("CREDIT_URI", () -> "http://127.0.0.1:" + credit.getAddress().getPort());
    registry.add("ENFORCEMENT_URI", () -> "http://127.0.0.1:" + TestSupport.unusedPort());
  }

  @AfterAll
  static void stop() {
    credit.stop(0);
  }

  @BeforeEach
  void forget() {
    received.clear();
    failuresLeft.clear();
  }

  @Test
  void anAnonymousReadReachesCreditServiceAsSentWithTheRequestIdAndTheTraceContinued() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    double before = fastPathRequests(200);
    // as a URI: a template would encode the % signs again
    client.get().uri(URI.create("http://localhost:" + port + "/api/public/enterprises?q=%E5%AE%89%E6%B3%B0&page=0&size=20"))
        .header("X-Request-Id", "page-7f3a")
        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
        .header("Proxy-Authorization", "Basic c2VjcmV0")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("X-Request-Id", "page-7f3a")
        .expectHeader().exists("X-RateLimit-Remaining")
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().jsonPath("$.path").isEqualTo("/api/public/enterprises");

    Received request = received.get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.pathAndQuery()).isEqualTo("/api/public/enterprises?q=%E5%AE%89%E6%B3%B0&page=0&size=20");
    assertThat(request.header("X-Request-Id")).isEqualTo("page-7f3a");
    assertThat(request.header("traceparent")).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
    assertThat(request.header("Host")).as("addressed to the service, not the gateway")
        .isEqualTo("127.0.0.1:" + credit.getAddress().getPort());
    assertThat(request.header("Proxy-Authorization")).as("a hop-by-hop header stays at the gateway").isNull();
    assertThat(fastPathRequests(200) - before).as("requests counted as served by the fast path").isEqualTo(1);
  }

  @Test
  void withoutATraceOrRequestIdTheGatewayStartsBoth() {
    String id = client.get().uri("/api/public/enterprises/91330100MA27XYZ12A").exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
    assertThat(received.get(0).header("X-Request-Id")).isEqualTo(id).matches("[A-Za-z0-9._-]{1,128}");
    assertThat(received.get(0).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
  }

  @Test
  void theServiceAnswerIsPassedOnStatusHeadersAndBody() {
    client.get().uri("/api/public/enterprises/MISSING").exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals("X-From", "credit")
        .expectHeader().doesNotExist("Proxy-Authenticate") // hop-by-hop: the service's, not the client's
        .expectBody().jsonPath("$.title").isEqualTo("Not Found");
  }

  @Test
  void aHeadRequestGetsTheHeadersOnly() {
    client.method(HttpMethod.HEAD).uri("/api/public/enterprises/91330100MA27XYZ12A").exchange()
        .expectStatus().isOk()
        .expectBody().isEmpty();
    assertThat(received.get(0).method()).isEqualTo("HEAD");
  }

  @Test
  void aReadThatMeetsAnOverloadedServiceIsTriedAgain() {
    failuresLeft.put("/api/public/enterprises/91330100MA2FLAKY1", new AtomicInteger(1));
    client.get().uri("/api/public/enterprises/91330100MA2FLAKY1").exchange()
        .expectStatus().isOk()
        .expectHeader().doesNotExist("X-Data-As-Of");
    assertThat(received).extracting(Received::pathAndQuery)
        .containsExactly("/api/public/enterprises/91330100MA2FLAKY1", "/api/public/enterprises/91330100MA2FLAKY1");
  }

  /** Dashboards built on the gateway's route metric see the public route's traffic whichever path served it. */
  @Test
  void bothPathsCountInTheRouteMetricOfRoutePublic() throws Exception {
    double before = publicRouteRequests("200");
    client.get().uri("/api/public/enterprises?q=a").exchange().expectStatus().isOk();
    String officer = TestSupport.sign("officer-1", List.of("OFFICER"), "330100", secret);
    client.get().uri("/api/public/enterprises?q=a").header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
        .exchange().expectStatus().isOk();
    assertThat(received).hasSize(2);
    assertThat(publicRouteRequests("200") - before).isEqualTo(2);
  }

  @Test
  void aTokenIsStillCheckedTheOrdinaryWay() {
    double before = fastPathRequests(401);
    client.get().uri("/api/public/enterprises/91330100MA27XYZ12A")
        .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
        .exchange()
        .expectStatus().isUnauthorized();
    assertThat(received).isEmpty();
    assertThat(fastPathRequests(401)).isEqualTo(before);
  }

  @Test
  void anEncodedOrDotSegmentIsLeftToTheOrdinaryRouteAndItsFirewall() {
    for (String path : List.of("/api/public/%2e%2e/credit/ratings", "/api/public/enterprises/..%2Fx",
        "/api/public/enterprises/a;b")) {
      client.get().uri(path).exchange().expectStatus().is4xxClientError();
    }
    assertThat(received).isEmpty();
  }

  /**
   * A client may send its next requests before it has the first answer. The fast path holds them
   * while it answers; then one for the ordinary route, and the ones behind it, go to Reactor Netty:
   * the answers leave in the order the requests came.
   */
  @Test
  void pipelinedRequestsAreAnsweredInOrderWhicheverPathServesThem() throws Exception {
    String officer = "Authorization: Bearer " + TestSupport.sign("officer-1", List.of("OFFICER"), "330100", secret);
    List<String> codes = List.of("91330100MA2PIPE01", "91330100MA2PIPE02", "91330100MA2PIPE03", "91330100MA2PIPE04");
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      String requests = RawHttp.get("/api/public/enterprises/" + codes.get(0))
          + RawHttp.get("/api/public/enterprises/" + codes.get(1), officer)
          + RawHttp.get("/api/public/enterprises/" + codes.get(2))
          + RawHttp.get("/api/public/enterprises/" + codes.get(3));
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
      for (String code : codes) {
        RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("/api/public/enterprises/" + code);
      }
    }
    assertThat(received).hasSize(4);
  }

  @Test
  void aCallerThatAsksToCloseGetsItsAnswerAndTheConnectionIsClosed() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(RawHttp.get("/api/public/enterprises/91330100MA27XYZ12A", "Connection: close")
          .getBytes(StandardCharsets.US_ASCII));
      RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.headers().get("Connection")).isEqualToIgnoringCase("close");
      assertThat(socket.getInputStream().read()).as("the gateway closed the connection").isEqualTo(-1);
    }
  }

  private double fastPathRequests(int status) {
    Timer timer = meters.find("http.server.requests").tag("uri", FAST_PATH_URI).tag("status", Integer.toString(status))
        .timer();
    return timer == null ? 0 : timer.count();
  }

  private double publicRouteRequests(String statusCode) {
    Timer timer = meters.find("spring.cloud.gateway.requests").tag("routeId", "public").tag("httpMethod", "GET")
        .tag("httpStatusCode", statusCode).tag("outcome", "SUCCESSFUL").timer();
    return timer == null ? 0 : timer.count();
  }

  private static HttpServer startCredit() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext("/", PublicQueryFastPathTest::answer);
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String query = exchange.getRequestURI().getRawQuery();
    received.add(new Received(exchange.getRequestMethod(), path + (query == null ? "" : "?" + query),
        Map.copyOf(exchange.getRequestHeaders())));
    AtomicInteger failures = failuresLeft.get(path);
    int status = path.endsWith("/MISSING") ? 404
        : failures != null && failures.getAndDecrement() > 0 ? 503 : 200;
    byte[] body = (status == 404
        ? "{\"type\":\"https://worksafety.cn/problems/not-found\",\"title\":\"Not Found\",\"status\":404}"
        : "{\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", status == 404 ? "application/problem+json" : "application/json");
    exchange.getResponseHeaders().set("X-From", "credit");
    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"credit\"");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
