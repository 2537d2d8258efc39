package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.gateway.devtokens.DevTokenController;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Outside profile local the gateway trusts only the configured issuer and signs nothing itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test-oidc")
@AutoConfigureWebTestClient
class NonLocalProfileTest {

  @Autowired
  WebTestClient client;

  @Autowired
  ApplicationContext context;

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + TestSupport.unusedPort() + "/jwks");
  }

  @Test
  void devTokensAreNotServed() {
    int status = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", "x", "roles", List.of("CREDIT_ADMIN")))
        .exchange()
        .returnResult(String.class).getStatus().value();

    assertThat(status).isIn(401, 404);
    assertThat(context.getBeansOfType(DevTokenController.class)).isEmpty();
  }

  @Test
  void apisStillNeedAToken() {
    client.get().uri("/api/enforcement/enterprises")
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
