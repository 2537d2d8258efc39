package cn.worksafety.enforcement.penaltycase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CaseHistoryApiTest extends EnforcementIntegrationTest {

  @Test
  void everyStepIsAuditedWithWhoWhenWhichRequestAndWhatChanged() {
    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    expect(http.send("POST", "/api/enforcement/cases/" + id + "/decision", officer, fineDecision("30000.00"),
        Map.of("X-Request-Id", "req-audit-decision")), 200);
    expect(http.send("POST", "/api/enforcement/cases/" + id + "/approval", TestTokens.supervisor(SHENZHEN), Map.of(),
        Map.of("X-Request-Id", "req-audit-approval")), 200);

    JsonNode entries = expect(http.get("/api/enforcement/cases/" + id + "/history", officer), 200).json()
        .get("entries");
    assertThat(entries.findValuesAsString("action"))
        .containsExactly("filing", "investigation", "notice", "decision", "approval");
    JsonNode decision = entries.get(3);
    assertThat(decision.get("by").asString()).isEqualTo("officer-" + SHENZHEN);
    assertThat(decision.get("roles").get(0).asString()).isEqualTo("OFFICER");
    assertThat(decision.get("requestId").asString()).isEqualTo("req-audit-decision");
    assertThat(decision.get("at").asString()).isNotBlank();
    JsonNode stateChange = change(decision, "state");
    assertThat(stateChange.get("before").asString()).isEqualTo("NOTIFIED");
    assertThat(stateChange.get("after").asString()).isEqualTo("DECIDED");
    assertThat(change(decision, "decision.legalBasis").get("after").asString()).contains("安全生产法");
    assertThat(decision.get("changes").findValuesAsString("field")).doesNotContain("history");

    JsonNode approval = entries.get(4);
    assertThat(approval.get("by").asString()).isEqualTo("supervisor-" + SHENZHEN);
    assertThat(approval.get("requestId").asString()).isEqualTo("req-audit-approval");
    assertThat(change(approval, "decision.approval.supervisor").get("after").asString())
        .isEqualTo("supervisor-" + SHENZHEN);
  }

  @Test
  void theTrailCannotBeEditedOrDeletedAndIsHiddenAcrossRegions() {
    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    String path = "/api/enforcement/cases/" + id + "/history";
    for (String method : new String[] {"PUT", "PATCH", "DELETE", "POST"}) {
      TestHttp.Response refused = http.send(method, path, officer, Map.of("entries", java.util.List.of()), Map.of());
      assertThat(refused.status()).as(method).isIn(404, 405);
    }
    expect(http.send("DELETE", "/api/enforcement/cases/" + id, officer, null, Map.of()), 405);
    expect(http.get(path, TestTokens.officer(CHENGDU)), 404);
    assertThat(expect(http.get(path, officer), 200).json().get("entries").size()).isEqualTo(3);
  }

  private static JsonNode change(JsonNode entry, String field) {
    for (JsonNode c : entry.get("changes")) {
      if (c.get("field").asString().equals(field)) {
        return c;
      }
    }
    throw new AssertionError("no change to " + field + " in " + entry);
  }
}
