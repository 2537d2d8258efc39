package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
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
  private static final StubService credit = new StubService();
  private static final StubService enforcement = new StubService();

  @Autowired
  WebTestClient client;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

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
