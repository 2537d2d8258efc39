package cn.worksafety.enforcement.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EnterpriseApiTest extends EnforcementIntegrationTest {

  @Test
  void registersAndReadsBackAnEnterprise() {
    String uscc = TestUsccs.random(SHENZHEN);
    TestHttp.Response created = expect(http.post("/api/enforcement/enterprises", officer, Map.of("uscc", uscc,
        "name", "深圳市华安化工有限公司", "region", SHENZHEN, "industry", "HAZARDOUS_CHEMICALS",
        "standardizationGrade", "LEVEL_2")), 201);
    assertThat(created.header("Location")).isEqualTo("/api/enforcement/enterprises/" + uscc);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");

    TestHttp.Response read = expect(http.get("/api/enforcement/enterprises/" + uscc, officer), 200);
    assertThat(read.json().get("name").asString()).isEqualTo("深圳市华安化工有限公司");
    assertThat(read.json().get("standardizationGrade").asString()).isEqualTo("LEVEL_2");
    assertThat(read.json().get("registeredAt").asString()).endsWith("+08:00");
  }

  @Test
  void aWrongCheckCharacterIsA400ThatNamesTheFieldAndStoresNothing() {
    String wrong = TestUsccs.withWrongCheck(TestUsccs.random(SHENZHEN));
    TestHttp.Response refused = expect(http.post("/api/enforcement/enterprises", officer, Map.of("uscc", wrong,
        "name", "某公司", "region", SHENZHEN, "industry", "TRADE")), 400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asString()).endsWith("/validation-failed");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("uscc");
    assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("check character");
    expect(http.get("/api/enforcement/enterprises/" + wrong, officer), 404);
  }

  @Test
  void aDuplicateCodeIsAConflict() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response again = expect(http.post("/api/enforcement/enterprises", officer, Map.of("uscc", uscc,
        "name", "另一个名字", "region", SHENZHEN, "industry", "TRADE")), 409);
    assertThat(again.json().get("type").asString()).endsWith("/duplicate-enterprise");
    assertThat(http.get("/api/enforcement/enterprises/" + uscc, officer).json().get("name").asString())
        .isNotEqualTo("另一个名字");
  }

  @Test
  void badBodiesAreRefusedWithProblems() {
    TestHttp.Response malformed = expect(http.post("/api/enforcement/enterprises", officer, "{\"uscc\": "), 400);
    assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");

    TestHttp.Response injection = expect(http.post("/api/enforcement/enterprises", officer,
        "{\"uscc\": {\"$gt\": \"\"}, \"name\": \"x\", \"region\": \"440300\", \"industry\": \"TRADE\"}"), 400);
    assertThat(injection.json().get("detail").asString()).contains("uscc");

    TestHttp.Response unknownIndustry = expect(http.post("/api/enforcement/enterprises", officer, Map.of(
        "uscc", TestUsccs.random(SHENZHEN), "name", "x", "region", SHENZHEN, "industry", "SPACEFLIGHT")), 400);
    assertThat(unknownIndustry.json().get("detail").asString()).contains("industry");

    TestHttp.Response unknownField = expect(http.post("/api/enforcement/enterprises", officer, Map.of(
        "uscc", TestUsccs.random(SHENZHEN), "name", "x", "region", SHENZHEN, "industry", "TRADE", "admin", true)), 400);
    assertThat(unknownField.json().get("detail").asString()).contains("admin");

    TestHttp.Response ordinal = expect(http.post("/api/enforcement/enterprises", officer, Map.of(
        "uscc", TestUsccs.random(SHENZHEN), "name", "x", "region", SHENZHEN, "industry", 3)), 400);
    assertThat(ordinal.json().get("detail").asString()).contains("industry");
    expect(http.post("/api/enforcement/enterprises", officer, Map.of("uscc", TestUsccs.random(SHENZHEN), "name", "x",
        "region", SHENZHEN, "industry", "TRADE", "standardizationGrade", "1")), 400);

    String huge = "{\"uscc\": \"" + TestUsccs.random(SHENZHEN) + "\", \"name\": \"" + "字".repeat(100_000)
        + "\", \"region\": \"440300\", \"industry\": \"TRADE\"}";
    TestHttp.Response tooLarge = expect(http.post("/api/enforcement/enterprises", officer, huge), 413);
    assertThat(tooLarge.json().get("type").asString()).endsWith("/body-too-large");

    TestHttp.Response missing = expect(http.post("/api/enforcement/enterprises", officer, Map.of("name", "x")), 400);
    assertThat(missing.json().get("errors").findValuesAsString("field")).contains("uscc", "region", "industry");
  }

  @Test
  void aStreamedBodyThatGrowsPastTheLimitIsRefusedToo() throws Exception {
    // ofInputStream sends the body chunked, with no Content-Length to refuse it by up front
    String huge = "{\"uscc\": \"" + TestUsccs.random(SHENZHEN) + "\", \"name\": \"" + "x".repeat(300_000)
        + "\", \"region\": \"440300\", \"industry\": \"TRADE\"}";
    var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
            + "/api/enforcement/enterprises"))
        .header("Authorization", "Bearer " + officer).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
            () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .build();
    var response = java.net.http.HttpClient.newHttpClient().send(request,
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(TestHttp.json(response.body()).get("type").asString()).endsWith("/body-too-large");
  }

  @Test
  void officersStayInsideTheirRegion() {
    String chengdu = TestTokens.officer(CHENGDU);
    expect(http.post("/api/enforcement/enterprises", chengdu, Map.of("uscc", TestUsccs.random(SHENZHEN),
        "name", "x", "region", SHENZHEN, "industry", "TRADE")), 403);
    String uscc = registerEnterprise(SHENZHEN, officer);
    expect(http.get("/api/enforcement/enterprises/" + uscc, chengdu), 404);
    String guangdong = TestTokens.officer("440000");
    expect(http.get("/api/enforcement/enterprises/" + uscc, guangdong), 200);
    TestHttp.Response list = expect(http.get("/api/enforcement/enterprises?size=100", chengdu), 200);
    assertThat(list.json().get("items").findValuesAsString("uscc")).doesNotContain(uscc);
  }

  @Test
  void aTokenWithoutAValidRegionSeesNothing() {
    for (String region : new String[] {null, "", "00", "440300x"}) {
      String token = TestTokens.sign("officer-x", java.util.List.of("OFFICER"), region, null, TestTokens.SECRET);
      TestHttp.Response list = expect(http.get("/api/enforcement/enterprises", token), 403);
      assertThat(list.json().get("type").asString()).endsWith("/no-region");
      expect(http.get("/api/enforcement/cases", token), 403);
    }
  }

  @Test
  void tokensAndRolesAreChecked() {
    expect(http.get("/api/enforcement/enterprises", null), 401);
    expect(http.get("/api/enforcement/enterprises", TestTokens.sign("x", java.util.List.of("OFFICER"), SHENZHEN, null,
        "some-other-signing-key-that-is-long-enough-000000")), 401);
    expect(http.get("/api/enforcement/enterprises", TestTokens.signedBy("someone-else", SHENZHEN)), 401);
    TestHttp.Response forbidden = expect(http.get("/api/enforcement/enterprises", TestTokens.partner("mof")), 403);
    assertThat(forbidden.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void listsArePagedAndBounded() {
    for (int i = 0; i < 3; i++) {
      registerEnterprise(SHENZHEN, officer);
    }
    TestHttp.Response page = expect(http.get("/api/enforcement/enterprises?page=0&size=2", officer), 200);
    assertThat(page.json().get("items").size()).isEqualTo(2);
    assertThat(page.json().get("size").asInt()).isEqualTo(2);
    assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
    TestHttp.Response tooBig = expect(http.get("/api/enforcement/enterprises?size=101", officer), 400);
    assertThat(tooBig.json().get("errors").findValuesAsString("field")).contains("size");
    TestHttp.Response notANumber = expect(http.get("/api/enforcement/enterprises?page=x", officer), 400);
    assertThat(notANumber.json().get("errors").get(0).get("message").asString()).isEqualTo("has an invalid value");
    expect(http.get("/api/enforcement/enterprises?page=21474837&size=100", officer), 400);
  }

  @Test
  void operationalEndpointsAnswer() {
    assertThat(expect(http.get("/actuator/health/readiness", null), 200).json().get("status").asString()).isEqualTo("UP");
    JsonNode health = expect(http.get("/actuator/health", null), 200).json();
    assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
    assertThat(health.get("components").get("mongo").has("details")).as("details only for the authorized").isFalse();
    TestHttp.Response wrongMethod = expect(http.send("DELETE", "/api/enforcement/enterprises", officer, null,
        Map.of()), 405);
    assertThat(wrongMethod.json().get("type").asString()).endsWith("/http-405");
    assertThat(expect(http.get("/actuator/prometheus", null), 200).body()).contains("outbox_published");
    assertThat(expect(http.get("/v3/api-docs", null), 200).json().get("paths").has("/api/enforcement/cases/{id}/decision"))
        .isTrue();
    TestHttp.Response withId = http.send("GET", "/actuator/health", null, null, Map.of("X-Request-Id", "abc-123"));
    assertThat(withId.header("X-Request-Id")).isEqualTo("abc-123");
  }
}
