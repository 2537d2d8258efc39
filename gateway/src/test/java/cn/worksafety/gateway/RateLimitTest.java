package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Buckets held in the gateway's memory: a burst over the limit gets 429 with Retry-After. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "20s")
class RateLimitTest {
  private static final int BURST = 5;
  /** Rounds of a kept connection's test: without the fix its race came within the first hundred. */
  private static final int ROUNDS = 500;
  private static final StubService credit = new StubService();
  private static final StubService enforcement = new StubService();

  @Autowired
  WebTestClient client;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void limits(DynamicPropertyRegistry registry) {
    registry.add("CREDIT_URI", credit::uri);
    registry.add("ENFORCEMENT_URI", enforcement::uri);
    registry.add("RATE_LIMIT_ANONYMOUS_BURST", () -> BURST);
    registry.add("RATE_LIMIT_ANONYMOUS_PER_SECOND", () -> 1);
    registry.add("RATE_LIMIT_PARTNER_BURST", () -> BURST);
    registry.add("RATE_LIMIT_PARTNER_PER_SECOND", () -> 1);
    // as behind a load balancer in production: X-Forwarded-For names the client
    registry.add("server.forward-headers-strategy", () -> "native");
  }

  @AfterAll
  static void stop() {
    credit.close();
    enforcement.close();
  }

  @Test
  void anAnonymousBurstOverTheLimitGets429WithRetryAfterAndIsNotForwarded() {
    List<Integer> statuses = new ArrayList<>();
    int forwardedBefore = credit.requests.get();
    EntityExchangeResult<byte[]> last = null;
    for (int i = 0; i < BURST * 3; i++) {
      last = client.get().uri("/api/public/enterprises?q=x").exchange().expectBody().returnResult();
      statuses.add(last.getStatus().value());
    }
    assertThat(statuses).contains(200).contains(429);
    assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(BURST + 1);
    assertThat(credit.requests.get() - forwardedBefore).isEqualTo((int) statuses.stream().filter(s -> s == 200).count());

    assertThat(last.getStatus().value()).isEqualTo(429);
    assertThat(last.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(Integer.parseInt(last.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 2);
    assertThat(new String(last.getResponseBody())).contains("rate-limited").contains("Try again in");
  }

  @Test
  void behindABalancerEachForwardedClientHasItsOwnBudget() {
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < BURST * 3; i++) {
      first.add(client.get().uri("/api/public/enterprises?q=x").header("X-Forwarded-For", "203.0.113.7")
          .exchange().expectBody().returnResult().getStatus().value());
    }
    assertThat(first).contains(429);
    client.get().uri("/api/public/enterprises?q=x").header("X-Forwarded-For", "203.0.113.8")
        .exchange().expectStatus().isOk();
  }

  /**
   * A browser keeps its connection open. A refusal answered at once, right after an answer that came
   * from credit-service on another thread, must not leave the connection unread: the request after
   * it would wait until the browser gives up (the Reactor Netty race {@code OwnLoopStart} avoids on
   * the WebFlux routes). Here on the public fast path, which answers without Reactor Netty's
   * dispatch: each round a new address (forwarded) and one out of budget.
   */
  @Test
  void aKeptConnectionIsServedWhileForwardedAnswersAndRefusalsAlternate() throws Exception {
    String lookup = "/api/public/enterprises?q=x";
    assertKeptConnectionServed(
        round -> get(lookup).header("X-Forwarded-For", "198.51." + round / 250 + "." + round % 250),
        () -> get(lookup).header("X-Forwarded-For", "203.0.113.9"));
  }

  /**
   * Reactor Netty reads a connection only when asked. A new connection whose first request the fast
   * path refuses at once must still be read on: the next request gets its answer.
   */
  @Test
  void aConnectionWhoseFirstRequestIsRefusedIsStillServed() throws Exception {
    String spent = "203.0.113.21";
    HttpClient spender = HttpClient.newHttpClient();
    for (int i = 0; i < BURST; i++) {
      send(spender, get("/api/public/enterprises?q=x").header("X-Forwarded-For", spent));
    }
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(RawHttp.get("/api/public/enterprises?q=x", "X-Forwarded-For: " + spent)
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(429);
      socket.getOutputStream().write(RawHttp.get("/api/public/enterprises?q=x", "X-Forwarded-For: 198.51.100.21")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(RawHttp.read(socket.getInputStream()).status()).isEqualTo(200);
    }
  }

  @Test
  void aForwardedHeaderThatNamesNoClientAddressGets400AndIsNotForwarded() {
    int forwardedBefore = credit.requests.get();
    client.get().uri("/api/public/enterprises?q=x").header("Forwarded", "for=198.51.100.30:99999").exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("Forwarded"));
    assertThat(credit.requests.get()).isEqualTo(forwardedBefore);
  }

  /** The same through the WebFlux routes: each round a new partner department and one out of budget. */
  @Test
  void aPartnersKeptConnectionIsServedWhileForwardedAnswersAndRefusalsAlternate() throws Exception {
    String outOfBudget = "Bearer " + TestSupport.signPartner("tax-system", "TAX-KEPT", secret);
    List<String> fresh = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      fresh.add("Bearer " + TestSupport.signPartner("system-" + round, "DEPT-" + round, secret));
    }
    assertKeptConnectionServed(
        round -> get("/api/credit/events?after=0").header(HttpHeaders.AUTHORIZATION, fresh.get(round)),
        () -> get("/api/credit/events?after=0").header(HttpHeaders.AUTHORIZATION, outOfBudget));
  }

  private void assertKeptConnectionServed(IntFunction<HttpRequest.Builder> allowed,
      Supplier<HttpRequest.Builder> outOfBudget) throws Exception {
    HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    for (int i = 0; i < BURST; i++) {
      send(browser, outOfBudget.get());
    }
    int refused = 0;
    for (int round = 0; round < ROUNDS; round++) {
      assertThat(send(browser, allowed.apply(round))).as("forwarded, round %d", round).isEqualTo(200);
      int status = send(browser, outOfBudget.get()); // its bucket gets a token back every second
      assertThat(status).as("refused, round %d", round).isIn(200, 429);
      refused += status == 429 ? 1 : 0;
    }
    assertThat(refused).isGreaterThan(ROUNDS / 2);
  }

  private HttpRequest.Builder get(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
  }

  /** One request on the browser's kept connection; a request left unanswered fails after 5 s. */
  private static int send(HttpClient browser, HttpRequest.Builder request) throws Exception {
    return browser.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aPartnerHasItsOwnBudgetAndStaffAreNotLimited() throws Exception {
    String partner = TestSupport.signPartner("tax-system", "TAX", secret);
    List<Integer> partnerStatuses = new ArrayList<>();
    for (int i = 0; i < BURST * 3; i++) {
      partnerStatuses.add(client.get().uri("/api/credit/events?after=0")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + partner)
          .exchange().expectBody().returnResult().getStatus().value());
    }
    assertThat(partnerStatuses).contains(200).contains(429);

    String officer = TestSupport.sign("officer-1", List.of("OFFICER"), "330100", secret);
    for (int i = 0; i < BURST * 3; i++) {
      client.get().uri("/api/enforcement/enterprises").header(HttpHeaders.AUTHORIZATION, "Bearer " + officer)
          .exchange().expectStatus().isOk();
    }
  }

  @Test
  void thePagesOwnFilesAreNotCounted() {
    for (int i = 0; i < BURST * 3; i++) {
      client.get().uri("/").exchange().expectStatus().isOk();
    }
  }
}
