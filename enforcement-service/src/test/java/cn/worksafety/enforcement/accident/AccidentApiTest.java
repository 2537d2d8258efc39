package cn.worksafety.enforcement.accident;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AccidentApiTest extends EnforcementIntegrationTest {

  private Map<String, Object> report(String uscc, Object deaths, Object injuries, Object loss, OffsetDateTime when) {
    Map<String, Object> body = new HashMap<>();
    body.put("uscc", uscc);
    body.put("occurredAt", when.toString());
    body.put("description", "储罐区爆燃");
    body.put("deaths", deaths);
    body.put("seriousInjuries", injuries);
    body.put("directLoss", loss);
    return body;
  }

  private static OffsetDateTime hoursAgo(int hours) {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(hours);
  }

  @Test
  void aReportedAndConcludedAccidentIsGradedAndAnnounced() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.accident.*")) {
      String uscc = registerEnterprise(SHENZHEN, officer);
      TestHttp.Response reported = expect(http.post("/api/enforcement/accidents", officer,
          report(uscc, 1, 4, "3800000.00", hoursAgo(5))), 201);
      String id = reported.json().get("id").asString();
      assertThat(reported.json().get("grade").asString()).isEqualTo("ORDINARY");
      JsonNode first = TestHttp.json(probe.await(b -> b.contains(id), Duration.ofSeconds(10)));
      assertThat(first.get("type").asString()).isEqualTo("enforcement.accident.reported");
      assertThat(first.get("data").get("directLoss").asString()).isEqualTo("3800000.00");

      TestHttp.Response concluded = expect(http.send("POST", "/api/enforcement/accidents/" + id + "/conclusion",
          officer, Map.of("deaths", 3, "seriousInjuries", 4, "directLoss", "12500000.00", "concealed", false),
          Map.of("If-Match", reported.header("ETag"))), 200);
      assertThat(concluded.json().get("grade").asString()).isEqualTo("MAJOR");
      JsonNode second = TestHttp.json(probe.await(b -> b.contains(id), Duration.ofSeconds(10)));
      assertThat(second.get("type").asString()).isEqualTo("enforcement.accident.concluded");
      assertThat(second.get("data").get("grade").asString()).isEqualTo("MAJOR");
      assertThat(second.get("data").get("concealed").asBoolean()).isFalse();

      expect(http.post("/api/enforcement/accidents/" + id + "/concealment", officer,
          Map.of("note", "事故发生后隐瞒死亡人数")), 200);
      JsonNode third = TestHttp.json(probe.await(b -> b.contains(id), Duration.ofSeconds(10)));
      assertThat(third.get("data").get("concealed").asBoolean()).isTrue();
      expect(http.post("/api/enforcement/accidents/" + id + "/concealment", officer, Map.of("note", "again")), 409);
      expect(http.send("POST", "/api/enforcement/accidents/" + id + "/conclusion", officer,
          Map.of("deaths", 3, "seriousInjuries", 4, "directLoss", "1.00", "concealed", false),
          Map.of("If-Match", reported.header("ETag"))), 412);
    }
  }

  @Test
  void badReportsAreRefusedAndNothingIsStored() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    long before = http.get("/api/enforcement/accidents?size=1", officer).json().get("total").asLong();

    TestHttp.Response future = expect(http.post("/api/enforcement/accidents", officer,
        report(uscc, 0, 0, "0", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1))), 400);
    assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
    TestHttp.Response negative = expect(http.post("/api/enforcement/accidents", officer,
        report(uscc, -1, 0, "0", hoursAgo(1))), 400);
    assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("deaths");
    expect(http.post("/api/enforcement/accidents", officer, report(uscc, 0, 0, "很多", hoursAgo(1))), 400);
    expect(http.post("/api/enforcement/accidents", officer, report(uscc, 0, 0, "1.005", hoursAgo(1))), 400);
    expect(http.post("/api/enforcement/accidents", officer, report(uscc, Map.of("$gt", ""), 0, "0", hoursAgo(1))), 400);
    expect(http.post("/api/enforcement/accidents", TestTokens.officer(CHENGDU), report(uscc, 0, 0, "0", hoursAgo(1))), 404);

    assertThat(http.get("/api/enforcement/accidents?size=1", officer).json().get("total").asLong()).isEqualTo(before);
  }

  @Test
  void accidentsAreListedByGradeInsideTheRegion() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.post("/api/enforcement/accidents", officer,
        report(uscc, 31, 0, "0", hoursAgo(2))), 201).json().get("id").asString();
    JsonNode worst = http.get("/api/enforcement/accidents?grade=ESPECIALLY_SERIOUS&size=100", officer).json();
    assertThat(worst.get("items").findValuesAsString("id")).contains(id);
    assertThat(worst.get("items").findValuesAsString("grade")).containsOnly("ESPECIALLY_SERIOUS");
    assertThat(http.get("/api/enforcement/accidents?grade=ORDINARY&size=100", officer).json().get("items")
        .findValuesAsString("id")).doesNotContain(id);
    expect(http.get("/api/enforcement/accidents/" + id, TestTokens.officer(CHENGDU)), 404);
    expect(http.get("/api/enforcement/accidents?grade=TERRIBLE", officer), 400);
  }
}
