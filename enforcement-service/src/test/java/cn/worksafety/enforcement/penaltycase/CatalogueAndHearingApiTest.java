package cn.worksafety.enforcement.penaltycase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogueAndHearingApiTest extends EnforcementIntegrationTest {

  @Test
  void theCatalogueIsReadableAndADecisionMustStayInsideIt() {
    JsonNode catalogue = expect(http.get("/api/enforcement/violations", officer), 200).json();
    JsonNode entry = null;
    for (JsonNode v : catalogue) {
      if (v.get("code").asString().equals("AQSC-099-3")) {
        entry = v;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("fineMax").asString()).isEqualTo("200000");
    assertThat(entry.get("legalBasis").asString()).contains("第九十九条");

    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    TestHttp.Response unknown = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        Map.of("violationCodes", List.of("AQSC-000"), "penalties", List.of(Map.of("kind", "FINE", "amount", "100")))),
        400);
    assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("violationCodes");
    TestHttp.Response wrongKind = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        Map.of("violationCodes", List.of("AQSC-114-1"), "penalties", List.of(Map.of("kind", "FINE", "amount", "50000")))),
        422);
    assertThat(wrongKind.json().get("fineMin").asString()).isEqualTo("200000");
    assertThat(http.get("/api/enforcement/cases/" + id, officer).json().get("state").asString()).isEqualTo("NOTIFIED");

    JsonNode decided = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        Map.of("violationCodes", List.of("AQSC-099-3"), "penalties",
            List.of(Map.of("kind", "FINE", "amount", "50000.00")))), 200).json();
    assertThat(decided.get("decision").get("legalBasis").asString())
        .as("defaults to the catalogue's basis").isEqualTo("《中华人民共和国安全生产法》第九十九条第三项");
  }

  @Test
  void thePartyAsksForAHearingAndTheHearingIsRecorded() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.post("/api/enforcement/cases", officer, Map.of("uscc", uscc, "title", "未进行安全评价",
        "officers", List.of("officer-1", "officer-2"))), 201).json().get("id").asString();
    expect(http.post("/api/enforcement/cases/" + id + "/investigation", officer, Map.of()), 200);
    expect(http.post("/api/enforcement/cases/" + id + "/notice", officer, Map.of("proposedPenalties",
        List.of(Map.of("kind", "FINE", "amount", "150000.00")))), 200);

    expect(http.post("/api/enforcement/cases/" + id + "/defence", officer, Map.of()), 400);
    expect(http.post("/api/enforcement/cases/" + id + "/defence", officer, Map.of("hearing",
        Map.of("heldAt", now(), "record", "听证笔录"))), 422);
    JsonNode requested = expect(http.post("/api/enforcement/cases/" + id + "/defence", officer,
        Map.of("statement", "对罚款数额有异议", "hearingRequested", true)), 200).json();
    assertThat(requested.get("notice").get("hearing").get("requestedAt").asString()).isNotBlank();
    assertThat(requested.get("notice").get("hearing").get("heldAt").isNull()).isTrue();
    TestHttp.Response twice = expect(http.post("/api/enforcement/cases/" + id + "/defence", officer,
        Map.of("hearingRequested", true)), 409);
    assertThat(twice.json().get("type").asString()).endsWith("/hearing-already-requested");

    JsonNode held = expect(http.post("/api/enforcement/cases/" + id + "/defence", officer, Map.of("hearing",
        Map.of("heldAt", now(), "record", "听证笔录（2026）第017号"))), 200).json();
    assertThat(held.get("notice").get("hearing").get("record").asString()).isEqualTo("听证笔录（2026）第017号");
    assertThat(held.get("defenceStatement").asString()).isEqualTo("对罚款数额有异议");
  }

  private static String now() {
    return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0).toString();
  }
}
