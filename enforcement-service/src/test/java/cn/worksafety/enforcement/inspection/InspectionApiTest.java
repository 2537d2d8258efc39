package cn.worksafety.enforcement.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InspectionApiTest extends EnforcementIntegrationTest {
  private static final String PATH = "/api/enforcement/inspections";

  static OffsetDateTime daysAgo(int days) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(days).withNano(0);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  static Map<String, Object> hazard(String level, LocalDate deadline) {
    return Map.of("description", "液氨储罐区未设置泄漏报警装置", "level", level, "deadline", deadline.toString());
  }

  static Map<String, Object> inspection(String uscc, OffsetDateTime at, List<?> hazards) {
    Map<String, Object> body = new HashMap<>();
    body.put("uscc", uscc);
    body.put("inspectedAt", at.toString());
    body.put("officers", List.of("officer-1", "officer-2"));
    body.put("findings", "检查了储罐区、装卸区和消防设施");
    body.put("hazards", hazards);
    return body;
  }

  static Map<String, Object> verification(String outcome, OffsetDateTime at) {
    return Map.of("verifiedAt", at.toString(), "officers", List.of("officer-1", "officer-3"), "outcome", outcome,
        "note", "复查");
  }

  @Test
  void anInspectionWithHazardsIsRecordedReadAndVerified() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response created = expect(http.post(PATH, officer, inspection(uscc, daysAgo(30), List.of(
        hazard("MAJOR", today().minusDays(10)), hazard("ORDINARY", today().plusDays(10))))), 201);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
    assertThat(created.header("ETag")).isEqualTo("\"1\"");
    JsonNode body = created.json();
    assertThat(body.get("region").asString()).isEqualTo(SHENZHEN);
    assertThat(body.get("officers").values()).hasSize(2);
    assertThat(body.get("hazards").findValuesAsString("id")).containsExactly("H-1", "H-2");
    assertThat(body.get("hazards").findValuesAsString("status")).containsExactly("OVERDUE", "OPEN");
    assertThat(body.get("openHazards").asLong()).isEqualTo(1);
    assertThat(body.get("overdueHazards").asLong()).isEqualTo(1);

    TestHttp.Response read = expect(http.get(PATH + "/" + id, officer), 200);
    assertThat(read.header("ETag")).isEqualTo("\"1\"");
    assertThat(read.json().get("hazards").get(0).get("level").asString()).isEqualTo("MAJOR");
    assertThat(read.json().get("hazards").get(0).get("deadline").asString())
        .isEqualTo(today().minusDays(10).toString());

    // not rectified: still overdue; then rectified, late
    JsonNode notYet = expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("NOT_RECTIFIED", daysAgo(5))), 200).json();
    assertThat(notYet.get("hazards").get(0).get("status").asString()).isEqualTo("OVERDUE");
    assertThat(notYet.get("version").asLong()).isEqualTo(2);
    JsonNode rectified = expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(1))), 200).json();
    JsonNode h1 = rectified.get("hazards").get(0);
    assertThat(h1.get("status").asString()).isEqualTo("RECTIFIED");
    assertThat(h1.get("rectifiedLate").asBoolean()).isTrue();
    assertThat(h1.get("verifications").findValuesAsString("outcome")).containsExactly("NOT_RECTIFIED", "RECTIFIED");
    assertThat(rectified.get("overdueHazards").asLong()).isZero();

    TestHttp.Response again = expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(0))), 409);
    assertThat(again.json().get("state").asString()).isEqualTo("RECTIFIED");
    expect(http.post(PATH + "/" + id + "/hazards/H-9/verification", officer, verification("RECTIFIED", daysAgo(1))),
        404);
    // rectified on time
    JsonNode onTime = expect(http.post(PATH + "/" + id + "/hazards/H-2/verification", officer,
        verification("RECTIFIED", daysAgo(0))), 200).json();
    assertThat(onTime.get("hazards").get(1).get("rectifiedLate").asBoolean()).isFalse();
  }

  @Test
  void hazardsAreAddedUnderIfMatchAndAStaleVersionIsRefused() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response created = expect(http.post(PATH, officer, inspection(uscc, daysAgo(3), List.of())), 201);
    String id = created.json().get("id").asString();
    TestHttp.Response added = expect(http.send("POST", PATH + "/" + id + "/hazards", officer,
        hazard("ORDINARY", today().plusDays(7)), Map.of("If-Match", created.header("ETag"))), 200);
    assertThat(added.header("ETag")).isEqualTo("\"2\"");
    assertThat(added.json().get("hazards").findValuesAsString("id")).containsExactly("H-1");

    TestHttp.Response stale = expect(http.send("POST", PATH + "/" + id + "/hazards", officer,
        hazard("MAJOR", today().plusDays(7)), Map.of("If-Match", created.header("ETag"))), 412);
    assertThat(stale.json().get("currentETag").asString()).isEqualTo("\"2\"");
    expect(http.send("POST", PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(1)), Map.of("If-Match", created.header("ETag"))), 412);
    // without If-Match the officer takes the current version
    expect(http.post(PATH + "/" + id + "/hazards", officer, hazard("MAJOR", today().plusDays(7))), 200);
    assertThat(http.get(PATH + "/" + id, officer).json().get("hazards").findValuesAsString("level"))
        .containsExactly("ORDINARY", "MAJOR");
  }

  @Test
  void listsAreFilteredByEnterpriseDatesAndHazardStatusInsideTheRegion() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String other = registerEnterprise(SHENZHEN, officer);
    String old = expect(http.post(PATH, officer, inspection(uscc, daysAgo(40),
        List.of(hazard("MAJOR", today().minusDays(20))))), 201).json().get("id").asString();
    String recent = expect(http.post(PATH, officer, inspection(uscc, daysAgo(2),
        List.of(hazard("ORDINARY", today().plusDays(20))))), 201).json().get("id").asString();
    String elsewhere = expect(http.post(PATH, officer, inspection(other, daysAgo(2), List.of())), 201).json()
        .get("id").asString();

    JsonNode byUscc = expect(http.get(PATH + "?uscc=" + uscc + "&size=100", officer), 200).json();
    assertThat(ids(byUscc)).containsExactly(recent, old);
    assertThat(byUscc.get("total").asLong()).isEqualTo(2);
    assertThat(byUscc.get("size").asInt()).isEqualTo(100);

    String lastWeek = "&from=" + today().minusDays(7) + "&to=" + today();
    assertThat(ids(http.get(PATH + "?uscc=" + uscc + lastWeek, officer).json()))
        .containsExactly(recent);
    assertThat(ids(http.get(PATH + "?size=100" + lastWeek, officer).json()))
        .contains(recent, elsewhere).doesNotContain(old);
    String longAgo = "&from=" + today().minusDays(40) + "&to=" + today().minusDays(40);
    assertThat(ids(http.get(PATH + "?size=100" + longAgo, officer).json()))
        .contains(old).doesNotContain(recent, elsewhere);

    assertThat(ids(http.get(PATH + "?uscc=" + uscc + "&hazardStatus=OVERDUE", officer).json())).containsExactly(old);
    assertThat(ids(http.get(PATH + "?uscc=" + uscc + "&hazardStatus=OPEN", officer).json())).containsExactly(recent);
    assertThat(http.get(PATH + "?uscc=" + uscc + "&hazardStatus=RECTIFIED", officer).json().get("total").asLong())
        .isZero();

    assertThat(ids(http.get(PATH + "?size=100", TestTokens.officer(CHENGDU)).json()))
        .doesNotContain(old, recent, elsewhere);
    assertThat(ids(http.get(PATH + "?size=100", TestTokens.supervisor("440000")).json()))
        .contains(old, recent, elsewhere);

    expect(http.get(PATH + "?from=" + today() + "&to=" + today().minusDays(1), officer), 400);
    expect(http.get(PATH + "?from=yesterday", officer), 400);
    expect(http.get(PATH + "?hazardStatus=CLOSED", officer), 400);
    expect(http.get(PATH + "?size=1000", officer), 400);
  }

  @Test
  void inspectionsOfAnotherRegionDoNotExistForTheCaller() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.post(PATH, officer, inspection(uscc, daysAgo(3),
        List.of(hazard("ORDINARY", today().plusDays(3))))), 201).json().get("id").asString();
    String chengdu = TestTokens.officer(CHENGDU);
    expect(http.get(PATH + "/" + id, chengdu), 404);
    expect(http.get(PATH + "/" + id + "/history", chengdu), 404);
    expect(http.post(PATH + "/" + id + "/hazards", chengdu, hazard("MAJOR", today())), 404);
    expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", chengdu, verification("RECTIFIED", daysAgo(1))),
        404);
    expect(http.post(PATH, chengdu, inspection(uscc, daysAgo(1), List.of())), 404);
    expect(http.get(PATH + "/no-such-inspection", officer), 404);

    expect(http.get(PATH + "/" + id, TestTokens.partner("tax")), 403);
    expect(http.post(PATH, TestTokens.admin(), inspection(uscc, daysAgo(1), List.of())), 403);
    expect(http.get(PATH + "/" + id, null), 401);
    assertThat(http.get(PATH + "/" + id, officer).json().get("hazards").get(0).get("verifications").size()).isZero();
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.post(PATH, officer, inspection(uscc, daysAgo(5), List.of(
        hazard("ORDINARY", today().plusDays(3))))), 201).json().get("id").asString();

    Map<String, Object> oneOfficer = inspection(uscc, daysAgo(1), List.of());
    oneOfficer.put("officers", List.of("officer-1", "officer-1"));
    assertField(expect(http.post(PATH, officer, oneOfficer), 400), "officers");
    assertField(expect(http.post(PATH, officer, inspection(uscc, daysAgo(-1), List.of())), 400), "inspectedAt");
    assertField(expect(http.post(PATH, officer, inspection(uscc, daysAgo(5),
        List.of(hazard("MAJOR", today().minusDays(6))))), 400), "hazards[0].deadline");
    Map<String, Object> missing = inspection(uscc, daysAgo(1), List.of());
    missing.remove("findings");
    assertField(expect(http.post(PATH, officer, missing), 400), "findings");
    assertField(expect(http.post(PATH, officer, inspection(uscc, daysAgo(1), List.of(
        Map.of("description", "x", "deadline", today().toString())))), 400), "hazards[0].level");

    assertDetail(expect(http.post(PATH, officer, inspection(uscc, daysAgo(1),
        List.of(hazard("CATASTROPHIC", today())))), 400), "hazards[0].level");
    Map<String, Object> injected = inspection(uscc, daysAgo(1), List.of());
    injected.put("uscc", Map.of("$gt", ""));
    assertDetail(expect(http.post(PATH, officer, injected), 400), "uscc");
    Map<String, Object> injectedFindings = inspection(uscc, daysAgo(1), List.of());
    injectedFindings.put("findings", Map.of("$ne", "x"));
    assertDetail(expect(http.post(PATH, officer, injectedFindings), 400), "findings");
    Map<String, Object> wrongType = inspection(uscc, daysAgo(1), List.of());
    wrongType.put("officers", "officer-1");
    expect(http.post(PATH, officer, wrongType), 400);
    Map<String, Object> badTime = inspection(uscc, daysAgo(1), List.of());
    badTime.put("inspectedAt", "last tuesday");
    assertDetail(expect(http.post(PATH, officer, badTime), 400), "inspectedAt");
    Map<String, Object> unknownField = inspection(uscc, daysAgo(1), List.of());
    unknownField.put("$where", "1");
    expect(http.post(PATH, officer, unknownField), 400);
    expect(http.post(PATH, officer, "{\"uscc\": \"" + uscc + "\", "), 400);

    // on an existing inspection
    assertField(expect(http.post(PATH + "/" + id + "/hazards", officer, hazard("MAJOR", today().minusDays(6))), 400),
        "deadline");
    assertDetail(expect(http.post(PATH + "/" + id + "/hazards", officer,
        Map.of("description", Map.of("$gt", ""), "level", "MAJOR", "deadline", today().toString())), 400),
        "description");
    assertDetail(expect(http.post(PATH + "/" + id + "/hazards", officer,
        Map.of("description", "x", "level", "MAJOR", "deadline", "2026-02-30")), 400), "deadline");
    assertField(expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(6))), 400), "verifiedAt");
    assertField(expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(-1))), 400), "verifiedAt");
    assertField(expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        Map.of("verifiedAt", daysAgo(1).toString(), "officers", List.of("a", "a"), "outcome", "RECTIFIED",
            "note", "n")), 400), "officers");
    assertDetail(expect(http.post(PATH + "/" + id + "/hazards/H-1/verification", officer,
        Map.of("verifiedAt", daysAgo(1).toString(), "officers", List.of("a", "b"), "outcome", "FIXED",
            "note", "n")), 400), "outcome");

    assertThat(http.get(PATH + "?uscc=" + uscc, officer).json().get("total").asLong()).isEqualTo(1);
    JsonNode unchanged = expect(http.get(PATH + "/" + id, officer), 200).json();
    assertThat(unchanged.get("version").asLong()).isEqualTo(1);
    assertThat(unchanged.get("hazards").size()).isEqualTo(1);
    assertThat(http.get(PATH + "/" + id + "/history", officer).json().get("entries").size()).isEqualTo(1);
  }

  @Test
  void historyShowsEachChangeWithWhoAndFromWhichRequest() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.send("POST", PATH, officer, inspection(uscc, daysAgo(5),
        List.of(hazard("ORDINARY", today().plusDays(3)))), Map.of("X-Request-Id", "req-inspection")), 201).json()
        .get("id").asString();
    expect(http.send("POST", PATH + "/" + id + "/hazards", TestTokens.supervisor(SHENZHEN),
        hazard("MAJOR", today().plusDays(30)), Map.of("X-Request-Id", "req-hazard")), 200);
    expect(http.send("POST", PATH + "/" + id + "/hazards/H-1/verification", officer,
        verification("RECTIFIED", daysAgo(1)), Map.of("X-Request-Id", "req-verification")), 200);

    JsonNode entries = expect(http.get(PATH + "/" + id + "/history", officer), 200).json().get("entries");
    assertThat(entries.findValuesAsString("action")).containsExactly("inspection", "hazard", "verification");
    assertThat(entries.findValuesAsString("requestId"))
        .containsExactly("req-inspection", "req-hazard", "req-verification");
    assertThat(entries.findValuesAsString("by"))
        .containsExactly("officer-" + SHENZHEN, "supervisor-" + SHENZHEN, "officer-" + SHENZHEN);
    assertThat(entries.get(1).get("roles").get(0).asString()).isEqualTo("SUPERVISOR");
    JsonNode hazards = entries.get(1).get("changes").get(0);
    assertThat(hazards.get("field").asString()).isEqualTo("hazards");
    assertThat(hazards.get("before").size()).isEqualTo(1);
    assertThat(hazards.get("after").size()).isEqualTo(2);
    assertThat(entries.get(2).get("changes").get(0).get("after").get(0).get("rectifiedAt").asString()).isNotBlank();
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }

  private static void assertField(TestHttp.Response response, String field) {
    assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
  }

  private static void assertDetail(TestHttp.Response response, String field) {
    assertThat(response.json().get("detail").asString()).as(response.body()).contains("'" + field + "'");
  }
}
