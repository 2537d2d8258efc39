package cn.worksafety.gateway;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient
class AuthenticationTest {

  @Autowired
  WebTestClient client;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @Test
  void withoutATokenTheAnswerIs401Problem() {
    client.get().uri("/api/enforcement/enterprises")
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectHeader().exists("X-Request-Id")
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/unauthorized")
        .jsonPath("$.title").isEqualTo("Unauthorized")
        .jsonPath("$.status").isEqualTo(401)
        .jsonPath("$.detail").isNotEmpty()
        .jsonPath("$.instance").isEqualTo("/api/enforcement/enterprises");
  }

  @Test
  void aTokenSignedByAnotherKeyIs401Problem() throws Exception {
    String forged = TestSupport.sign("officer-1", List.of("OFFICER"), "330100",
        "some-other-signing-key-that-nobody-trusts-0123456789");
    client.get().uri("/api/enforcement/enterprises")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/unauthorized")
        .jsonPath("$.status").isEqualTo(401);
  }

  @Test
  void anUnknownPathIsA404ProblemForAnAuthenticatedCaller() throws Exception {
    String token = TestSupport.sign("admin", List.of("CREDIT_ADMIN"), null, secret);
    client.get().uri("/api/nowhere")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/http-404")
        .jsonPath("$.status").isEqualTo(404);
  }

  @Test
  void aPostWithoutATokenIs401ProblemToo() {
    client.post().uri("/api/credit/screening").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
        .exchange()
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
