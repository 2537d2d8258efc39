package cn.worksafety.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
@AutoConfigureWebTestClient
class DevTokensTest {
  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};

  @Autowired
  WebTestClient client;

  @Value("${app.security.jwt.hmac-secret}")
  String secret;

  @Test
  void issuesATokenCarryingTheRequestedClaims() throws Exception {
    Map<String, Object> body = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", "officer-1", "roles", java.util.List.of("OFFICER", "SUPERVISOR"),
            "region", "330100"))
        .exchange()
        .expectStatus().isCreated()
        .expectBody(JSON_OBJECT).returnResult().getResponseBody();

    assertThat(body).containsEntry("tokenType", "Bearer");
    JWTClaimsSet claims = TestSupport.verifiedClaims((String) body.get("token"), secret);
    assertThat(claims.getSubject()).isEqualTo("officer-1");
    assertThat(claims.getStringListClaim("roles")).containsExactly("OFFICER", "SUPERVISOR");
    assertThat(claims.getStringClaim("region")).isEqualTo("330100");
    assertThat(claims.getClaim("department")).isNull();
    assertThat(claims.getIssuer()).isEqualTo("safety-credit-local");
    assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(12));
    assertThat(OffsetDateTime.parse((String) body.get("expiresAt")).toInstant())
        .isEqualTo(claims.getExpirationTime().toInstant());
  }

  @Test
  void issuesAPartnerTokenWithItsDepartment() throws Exception {
    Map<String, Object> body = client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("subject", "tax", "roles", java.util.List.of("PARTNER"), "department", "tax-bureau"))
        .exchange()
        .expectStatus().isCreated()
        .expectBody(JSON_OBJECT).returnResult().getResponseBody();

    JWTClaimsSet claims = TestSupport.verifiedClaims((String) body.get("token"), secret);
    assertThat(claims.getStringClaim("department")).isEqualTo("tax-bureau");
    assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("missing roles", "{\"subject\":\"a\",\"region\":\"330100\"}", "roles"),
        Arguments.of("empty roles", "{\"subject\":\"a\",\"roles\":[],\"region\":\"330100\"}", "roles"),
        Arguments.of("unknown role", "{\"subject\":\"a\",\"roles\":[\"ADMIN\"]}", "roles[0]"),
        Arguments.of("officer without region", "{\"subject\":\"a\",\"roles\":[\"OFFICER\"]}", "region"),
        Arguments.of("region not 6 digits", "{\"subject\":\"a\",\"roles\":[\"OFFICER\"],\"region\":\"33010\"}",
            "region"),
        Arguments.of("partner without department", "{\"subject\":\"a\",\"roles\":[\"PARTNER\"]}", "department"),
        Arguments.of("bad department", "{\"subject\":\"a\",\"roles\":[\"PARTNER\"],\"department\":\"Tax Bureau\"}",
            "department"),
        Arguments.of("missing subject", "{\"roles\":[\"CREDIT_ADMIN\"]}", "subject"),
        Arguments.of("subject too long", "{\"subject\":\"" + "s".repeat(65) + "\",\"roles\":[\"CREDIT_ADMIN\"]}",
            "subject"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void refusesBadRequestsNamingTheField(String name, String json, String field) {
    client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/validation-failed")
        .jsonPath("$.title").isNotEmpty()
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.detail").isNotEmpty()
        .jsonPath("$.errors[?(@.field == '" + field + "')].message").isNotEmpty();
  }

  @Test
  void refusesMalformedJson() {
    client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"subject\":\"a\",\"roles\":[\"OFFICER\"")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.type").isEqualTo("https://worksafety.cn/problems/malformed-body")
        .jsonPath("$.status").isEqualTo(400)
        .jsonPath("$.detail").isNotEmpty();
  }

  @Test
  void refusesAWrongShapeNamingTheField() {
    client.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"subject\":\"a\",\"roles\":{\"x\":1}}")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("roles"));
  }
}
