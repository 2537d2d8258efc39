package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Circuit breakers and bulkheads per route, against real HTTP services that fail or stall on cue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "20s")
class ResilienceTest {
  private static final int WINDOW = 4;
  private static final int CREDIT_CONCURRENCY = 2;
  private static final Duration OPEN_FOR = Duration.ofSeconds(1);
  private static final StubService enforcement = new StubService();
  private static final StubService credit = new StubService();

  @Autowired
  WebTestClient client;

  @Autowired
  CircuitBreakerRegistry breakers;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("ENFORCEMENT_URI", enforcement::uri);
    registry.add("CREDIT_URI", credit::uri);
    registry.add("DOWNSTREAM_RESPONSE_TIMEOUT", () -> "10s");
    registry.add("DOWNSTREAM_TIMEOUT", () -> "12s");
    registry.add("DOWNSTREAM_MAX_CONCURRENT", () -> CREDIT_CONCURRENCY);
    registry.add("resilience4j.circuitbreaker.configs.default.sliding-window-size", () -> WINDOW);
    registry.add("resilience4j.circuitbreaker.configs.default.minimum-number-of-calls", () -> WINDOW);
    registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", OPEN_FOR::toString);
    registry.add("resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state", () -> 2);
    registry.add("resilience4j.circuitbreaker.configs.default.automatic-transition-from-open-to-half-open-enabled",
        () -> true);
  }

  @AfterAll
  static void stop() {
    enforcement.close();
    credit.close();
  }

  @BeforeEach
  void healthy() {
    for (StubService service : List.of(enforcement, credit)) {
      service.status.set(200);
      service.delay.set(Duration.ZERO);
    }
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  @Test
  void theBreakerOpensFallsBackGoesHalfOpenAndClosesAgain() throws Exception {
    CircuitBreaker breaker = breakers.circuitBreaker("enforcement");
    enforcement.status.set(503);
    for (int i = 0; i < WINDOW; i++) {
      get("/api/enforcement/enterprises").expectStatus().isEqualTo(503)
          .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("enforcement-service"));
    }
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

    enforcement.status.set(200);
    int reachedBefore = enforcement.requests.get();
    get("/api/enforcement/enterprises").expectStatus().isEqualTo(503);
    assertThat(enforcement.requests.get()).as("an open breaker does not call the service").isEqualTo(reachedBefore);

    await().atMost(OPEN_FOR.multipliedBy(5)).until(() -> breaker.getState() == CircuitBreaker.State.HALF_OPEN);
    get("/api/enforcement/enterprises").expectStatus().isOk();
    get("/api/enforcement/enterprises").expectStatus().isOk();
    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void aStalledCreditServiceFillsOnlyItsOwnBulkhead() throws Exception {
    credit.delay.set(Duration.ofSeconds(3));
    ExecutorService callers = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Timed>> creditCalls = IntStream.range(0, 6)
          .mapToObj(i -> CompletableFuture.supplyAsync(() -> timed("/api/credit/scorecards"), callers)).toList();
      Thread.sleep(300); // the stalled calls are in flight

      Timed enforcementCall = timed("/api/enforcement/enterprises");
      assertThat(enforcementCall.status()).isEqualTo(200);
      assertThat(enforcementCall.took()).isLessThan(Duration.ofSeconds(1));

      List<Timed> creditResults = creditCalls.stream().map(CompletableFuture::join).toList();
      assertThat(creditResults.stream().filter(t -> t.status() == 200)).hasSize(CREDIT_CONCURRENCY);
      assertThat(creditResults.stream().filter(t -> t.status() == 503))
          .hasSize(6 - CREDIT_CONCURRENCY)
          .allSatisfy(t -> assertThat(t.took()).as("refused at once, not queued").isLessThan(Duration.ofSeconds(2)));
      assertThat(breakers.circuitBreaker("credit").getState())
          .as("a full bulkhead is the gateway shedding load, not credit-service failing")
          .isEqualTo(CircuitBreaker.State.CLOSED);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void whenCreditServiceFailsThePublicApiAnswersFromItsLastGoodAnswerMarkedWithItsTime() {
    String path = "/api/public/enterprises/91330100MA2KEPT001";
    String fresh = publicBody(path, 200);
    assertThat(publicBody(path, 200)).as("served by the service while it is up").isNotEqualTo(fresh);
    String kept = publicBody(path, 200);

    credit.status.set(503);
    var answer = client.get().uri(path).exchange().expectStatus().isOk()
        .expectHeader().exists("X-Data-As-Of")
        .expectBody(String.class).returnResult();
    assertThat(answer.getResponseBody()).isEqualTo(kept);

    client.get().uri("/api/public/enterprises/91330100MA2NEVER01").exchange()
        .expectStatus().isEqualTo(503)
        .expectBody().jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/service-unavailable");
  }

  private String publicBody(String path, int expectedStatus) {
    return client.get().uri(path).exchange().expectStatus().isEqualTo(expectedStatus)
        .expectHeader().doesNotExist("X-Data-As-Of")
        .expectBody(String.class).returnResult().getResponseBody();
  }

  record Timed(int status, Duration took) {}

  private Timed timed(String path) {
    long start = System.nanoTime();
    int status = get(path).expectBody().returnResult().getStatus().value();
    return new Timed(status, Duration.ofNanos(System.nanoTime() - start));
  }

  private WebTestClient.ResponseSpec get(String path) {
    try {
      return client.get().uri(path)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestSupport.sign("officer-1", List.of("OFFICER"), "330100",
              secret))
          .exchange();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
