package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient
class PublicPageAndActuatorTest {

  @Autowired
  WebTestClient client;

  @Test
  void servesThePublicQueryPageAtTheRoot() {
    String html = client.get().uri("/").accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
    assertThat(html).contains("安全生产信用查询").contains("lang=\"zh-CN\"").contains("/assets/app.js");
  }

  @Test
  void servesThePageAssetsWithoutAToken() {
    client.get().uri("/assets/app.js").exchange().expectStatus().isOk()
        .expectBody(String.class).value(js -> assertThat(js).contains("/api/public/enterprises"));
    client.get().uri("/assets/app.css").exchange().expectStatus().isOk();
  }

  @Test
  void readinessIsUp() {
    client.get().uri("/actuator/health/readiness")
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
    client.get().uri("/actuator/health/liveness")
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.status").isEqualTo("UP");
  }

  @Test
  void prometheusShowsBreakersBulkheadsAndRateLimits() {
    client.get().uri("/api/public/enterprises?q=x").exchange(); // counted by the rate limit, and by the breaker
    client.get().uri("/actuator/prometheus")
        .exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(body -> assertThat(body)
            .contains("jvm_memory_used_bytes")
            .contains("resilience4j_circuitbreaker_state{group=\"public\",name=\"public\",state=\"closed\"}")
            .contains("resilience4j_bulkhead_available_concurrent_calls{group=\"none\",name=\"public\"}")
            .contains("gateway_rate_limit_requests_total{client=\"anonymous\",outcome=\"allowed\"}"));
  }

  @Test
  void openApiDocumentListsTheDevTokenEndpoint() {
    client.get().uri("/v3/api-docs")
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.paths['/api/dev/tokens'].post").exists();
  }

  @Test
  void otherActuatorEndpointsAreNeitherPublicNorExposed() {
    client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
  }
}
