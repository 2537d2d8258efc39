package cn.worksafety.enforcement.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnterpriseDetailsApiTest extends EnforcementIntegrationTest {
  private static final String LEGAL_REP_ID = "11010519491231002X";
  private static final String PRINCIPAL_ID = "440301199001010012";

  @Test
  void idNumbersAreStoredButShownInFullOnlyToTheRegionsOfficersReadingOneEnterprise() {
    String uscc = registerWithPersons("深圳市鹏安危险品储运有限公司");
    JsonNode own = expect(http.get("/api/enforcement/enterprises/" + uscc, officer), 200).json();
    assertThat(own.get("legalRepresentative").get("idNumber").asString()).isEqualTo(LEGAL_REP_ID);
    assertThat(own.get("principal").get("idNumber").asString()).isEqualTo(PRINCIPAL_ID);
    assertThat(own.get("licence").get("status").asString()).isEqualTo("VALID");

    JsonNode asAdmin = expect(http.get("/api/enforcement/enterprises/" + uscc, TestTokens.admin()), 200).json();
    assertThat(asAdmin.get("legalRepresentative").get("idNumber").asString()).isEqualTo("110***********002X");
    assertThat(asAdmin.get("legalRepresentative").get("idNumberMasked").asBoolean()).isTrue();

    JsonNode listed = expect(http.get("/api/enforcement/enterprises?namePrefix=" + encoded("深圳市鹏安危险品"), officer), 200).json();
    assertThat(listed.get("items").get(0).get("principal").get("idNumber").asString()).isEqualTo("440***********0012");

    String history = expect(http.get("/api/enforcement/enterprises/" + uscc + "/history", officer), 200).body();
    assertThat(history).contains("110***********002X").doesNotContain(LEGAL_REP_ID).doesNotContain(PRINCIPAL_ID);
  }

  @Test
  void aChangeIsStoredAuditedAndAnnouncedWithMaskedIds() {
    // bound before the registration: an event no queue takes stays in the outbox, and the update waits behind it
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.enterprise.*")) {
      String uscc = registerWithPersons("深圳市安达化工有限公司");
      TestHttp.Response changed = expect(http.send("PATCH", "/api/enforcement/enterprises/" + uscc, officer,
          Map.of("standardizationGrade", "LEVEL_1", "licence", Map.of("status", "SUSPENDED",
              "number", "(粤)WH安许证字[2024]000123号", "validUntil", "2027-06-30")), Map.of("If-Match", "\"1\"",
              "X-Request-Id", "req-enterprise-change")), 200);
      assertThat(changed.header("ETag")).isEqualTo("\"2\"");
      assertThat(changed.json().get("standardizationGrade").asString()).isEqualTo("LEVEL_1");
      assertThat(changed.json().get("name").asString()).isEqualTo("深圳市安达化工有限公司");

      JsonNode event = TestHttp.json(probe.await(b -> b.contains(uscc) && b.contains("enterprise.updated"),
          Duration.ofSeconds(10)));
      JsonNode data = event.get("data");
      assertThat(data.get("licenceStatus").asString()).isEqualTo("SUSPENDED");
      assertThat(data.get("standardizationGrade").asString()).isEqualTo("LEVEL_1");
      assertThat(data.get("legalRepresentative").get("maskedIdNumber").asString()).isEqualTo("110***********002X");
      assertThat(event.toString()).doesNotContain(LEGAL_REP_ID);
      history(uscc);
    }
  }

  private void history(String uscc) {
    JsonNode entries = expect(http.get("/api/enforcement/enterprises/" + uscc + "/history", officer), 200).json()
        .get("entries");
    assertThat(entries.findValuesAsString("action")).containsExactly("registration", "update");
    JsonNode update = entries.get(1);
    assertThat(update.get("requestId").asString()).isEqualTo("req-enterprise-change");
    assertThat(update.get("changes").findValuesAsString("field"))
        .containsExactlyInAnyOrder("standardizationGrade", "licence.status");

    TestHttp.Response stale = expect(http.send("PATCH", "/api/enforcement/enterprises/" + uscc, officer,
        Map.of("name", "别的名字"), Map.of("If-Match", "\"1\"")), 412);
    assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
    TestHttp.Response same = expect(http.send("PATCH", "/api/enforcement/enterprises/" + uscc, officer,
        Map.of("standardizationGrade", "LEVEL_1"), Map.of()), 200);
    assertThat(same.header("ETag")).as("nothing changed, nothing stored").isEqualTo("\"2\"");
    expect(http.get("/api/enforcement/enterprises?namePrefix=", officer), 400);
  }

  @Test
  void badChangesAreRefusedAndChangeNothing() {
    String uscc = registerWithPersons("深圳市恒泰建材有限公司");
    String path = "/api/enforcement/enterprises/" + uscc;
    TestHttp.Response region = expect(http.send("PATCH", path, officer, Map.of("region", "510100"), Map.of()), 400);
    assertThat(region.json().get("detail").asString()).contains("region");
    expect(http.send("PATCH", path, officer, Map.of(), Map.of()), 400);
    TestHttp.Response badId = expect(http.send("PATCH", path, officer, Map.of("principal",
        Map.of("name", "王五", "idNumber", "440301199001010013")), Map.of()), 400);
    assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("principal.idNumber");
    TestHttp.Response licence = expect(http.send("PATCH", path, officer, Map.of("licence",
        Map.of("status", "VALID")), Map.of()), 400);
    assertThat(licence.json().get("errors").get(0).get("field").asString()).isEqualTo("licence.number");
    expect(http.send("PATCH", path, officer, "{\"name\": {\"$gt\": \"\"}}", Map.of()), 400);
    expect(http.send("PATCH", path, TestTokens.officer(CHENGDU), Map.of("name", "x"), Map.of()), 404);
    expect(http.send("PATCH", path, TestTokens.admin(), Map.of("name", "x"), Map.of()), 403);
    JsonNode unchanged = expect(http.get(path, officer), 200).json();
    assertThat(unchanged.get("version").asLong()).isEqualTo(1);
    assertThat(unchanged.get("name").asString()).isEqualTo("深圳市恒泰建材有限公司");
  }

  @Test
  void listsFilterByRegionIndustryNamePrefixGradeAndLicence() {
    String prefix = "深圳市筛选" + System.nanoTime() % 100000;
    String mining = register(prefix + "矿业有限公司", "440304", "MINING", "LEVEL_1", null);
    String trade = register(prefix + "贸易有限公司", "440305", "TRADE", "NONE", null);
    prefix = encoded(prefix);
    assertThat(items("namePrefix=" + prefix)).containsExactlyInAnyOrder(mining, trade);
    assertThat(items("namePrefix=" + prefix + "&industry=MINING")).containsExactly(mining);
    assertThat(items("namePrefix=" + prefix + "&standardizationGrade=NONE")).containsExactly(trade);
    assertThat(items("namePrefix=" + prefix + "&region=440305")).containsExactly(trade);
    assertThat(items("namePrefix=" + prefix + "&licenceStatus=MISSING"))
        .as("a mine without a licence on record").containsExactly(mining);
    assertThat(items("namePrefix=" + prefix + "&licenceStatus=NOT_REQUIRED")).containsExactly(trade);
    assertThat(items("namePrefix=" + encoded(".*"))).as("the prefix is literal, not a pattern").isEmpty();
    expect(http.get("/api/enforcement/enterprises?region=510100", officer), 403);
    expect(http.get("/api/enforcement/enterprises?region=44", officer), 400);
    expect(http.get("/api/enforcement/enterprises?licenceStatus=LOST", officer), 400);
  }

  @Test
  void onlyACreditAdministratorMayRegisterAHistoricCodeAndTheOverrideIsAudited() {
    String historic = TestUsccs.withWrongCheck(TestUsccs.random(SHENZHEN));
    Map<String, Object> body = new LinkedHashMap<>(Map.of("uscc", historic, "name", "深圳市老字号五金厂",
        "region", SHENZHEN, "industry", "MACHINERY",
        "checkOverride", Map.of("reason", "1998年发证的历史代码，经市场监管部门书面确认有效")));
    TestHttp.Response officerTry = expect(http.post("/api/enforcement/enterprises", officer, body), 403);
    assertThat(officerTry.json().get("type").asString()).endsWith("/override-not-allowed");

    TestHttp.Response registered = expect(http.post("/api/enforcement/enterprises", TestTokens.admin(), body), 201);
    assertThat(registered.json().get("checkOverride").get("by").asString()).isEqualTo("admin");
    JsonNode entry = expect(http.get("/api/enforcement/enterprises/" + historic + "/history", officer), 200).json()
        .get("entries").get(0);
    assertThat(entry.get("action").asString()).isEqualTo("registration-with-check-override");
    assertThat(entry.get("roles").get(0).asString()).isEqualTo("CREDIT_ADMIN");
    assertThat(entry.toString()).contains("1998年发证的历史代码");

    body.put("uscc", TestUsccs.random(SHENZHEN));
    TestHttp.Response needless = expect(http.post("/api/enforcement/enterprises", TestTokens.admin(), body), 400);
    assertThat(needless.json().get("errors").get(0).get("field").asString()).isEqualTo("checkOverride");
    body.put("uscc", "9144030019220382I6");
    expect(http.post("/api/enforcement/enterprises", TestTokens.admin(), body), 400);
    body.remove("checkOverride");
    body.put("uscc", TestUsccs.withWrongCheck(TestUsccs.random(SHENZHEN)));
    expect(http.post("/api/enforcement/enterprises", TestTokens.admin(), body), 400);
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private String registerWithPersons(String name) {
    String uscc = TestUsccs.random(SHENZHEN);
    Map<String, Object> body = new LinkedHashMap<>(Map.of("uscc", uscc, "name", name, "region", SHENZHEN,
        "industry", "HAZARDOUS_CHEMICALS", "standardizationGrade", "LEVEL_2"));
    body.put("licence", Map.of("status", "VALID", "number", "(粤)WH安许证字[2024]000123号", "validUntil", "2027-06-30"));
    body.put("legalRepresentative", Map.of("name", "张三", "idNumber", LEGAL_REP_ID));
    body.put("principal", Map.of("name", "李四", "idNumber", PRINCIPAL_ID));
    expect(http.post("/api/enforcement/enterprises", officer, body), 201);
    return uscc;
  }

  private String register(String name, String region, String industry, String grade, Object licence) {
    String uscc = TestUsccs.random(region);
    expect(http.post("/api/enforcement/enterprises", officer, Map.of("uscc", uscc, "name", name, "region", region,
        "industry", industry, "standardizationGrade", grade)), 201);
    return uscc;
  }

  private java.util.List<String> items(String query) {
    return expect(http.get("/api/enforcement/enterprises?size=100&" + query, officer), 200).json().get("items")
        .findValuesAsString("uscc");
  }
}
