package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
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

/**
 * An lb:// route over two real instances: both get requests, and a stopped one is left out by the
 * health check, so that even changes (which the gateway never retries) reach the one still running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient(timeout = "20s")
class LoadBalancingTest {
  private static final StubService first = new StubService();
  private static final StubService second = new StubService();
  private static final StubService creditFirst = new StubService();
  private static final StubService creditSecond = new StubService();

  @Autowired
  WebTestClient client;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @DynamicPropertySource
  static void instances(DynamicPropertyRegistry registry) {
    registry.add("ENFORCEMENT_URI", () -> "lb://enforcement-service");
    registry.add("spring.cloud.discovery.client.simple.instances.enforcement-service[0].uri", first::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.enforcement-service[1].uri", second::uri);
    registry.add("DOWNSTREAM_HEALTH_CHECK_INTERVAL", () -> "500ms");
    // checks every 500 ms never leave the event loops quiet for Reactor Netty's default 2 s, so at
    // the end of the run closing this context would wait out its 15 s timeout
    registry.add("spring.reactor.netty.shutdown-quiet-period", () -> "0s");
    registry.add("CREDIT_URI", () -> "lb://credit-service");
    registry.add("spring.cloud.discovery.client.simple.instances.credit-service[0].uri", creditFirst::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.credit-service[1].uri", creditSecond::uri);
  }

  @AfterAll
  static void stop() {
    first.close();
    second.close();
    creditFirst.close();
    creditSecond.close();
  }

  @Test
  void publicReadsTakingTheFastPathAreSpreadAndLeaveAStoppedInstanceOut() throws Exception {
    for (int i = 0; i < 20; i++) {
      client.get().uri("/api/public/enterprises/91440300MA5FLB0001").exchange().expectStatus().isOk();
    }
    assertThat(creditFirst.requests.get()).as("requests the first instance got").isGreaterThanOrEqualTo(5);
    assertThat(creditSecond.requests.get()).as("requests the second instance got").isGreaterThanOrEqualTo(5);

    creditSecond.close();
    Thread.sleep(Duration.ofSeconds(2).toMillis());
    int before = creditFirst.requests.get();
    for (int i = 0; i < 20; i++) {
      client.get().uri("/api/public/enterprises/91440300MA5FLB0001").exchange().expectStatus().isOk()
          .expectHeader().doesNotExist("X-Data-As-Of");
    }
    assertThat(creditFirst.requests.get() - before).as("reads (and health checks) the remaining instance got")
        .isGreaterThanOrEqualTo(20);
  }

  @Test
  void requestsAreSpreadOverTheInstancesAndAStoppedOneIsLeftOut() throws Exception {
    String token = TestSupport.sign("officer-1", List.of("OFFICER"), "440300", secret);
    for (int i = 0; i < 20; i++) {
      read(token).expectStatus().isOk();
    }
    assertThat(first.requests.get()).as("requests the first instance got").isGreaterThanOrEqualTo(5);
    assertThat(second.requests.get()).as("requests the second instance got").isGreaterThanOrEqualTo(5);

    second.close();
    Thread.sleep(Duration.ofSeconds(2).toMillis());
    int before = first.requests.get();
    for (int i = 0; i < 20; i++) {
      client.post().uri("/api/enforcement/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .header(HttpHeaders.CONTENT_TYPE, "application/json").bodyValue("{}").exchange().expectStatus().isOk();
    }
    assertThat(first.requests.get() - before).as("changes the remaining instance got").isGreaterThanOrEqualTo(20);
  }

  private WebTestClient.ResponseSpec read(String token) {
    return client.get().uri("/api/enforcement/enterprises")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
  }
}
