package cn.worksafety.enforcement.penaltycase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CaseLifecycleApiTest extends EnforcementIntegrationTest {

  @Test
  void anApprovedDecisionGoesOutAsACloudEventCarryingTheRequestId() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.case.decided")) {
      String uscc = registerEnterprise(SHENZHEN, officer);
      String id = notifiedCase(uscc);
      expect(http.post("/api/enforcement/cases/" + id + "/decision", officer, fineDecision("30000.00")), 200);
      assertThat(probe.await(b -> b.contains(id), Duration.ofSeconds(1))).as("not announced before approval").isNull();
      expect(http.post("/api/enforcement/cases/" + id + "/approval", officer, Map.of()), 403);
      expect(http.send("POST", "/api/enforcement/cases/" + id + "/approval", TestTokens.supervisor(SHENZHEN), Map.of(),
          Map.of("X-Request-Id", "req-decision-1")), 200);

      String body = probe.await(b -> b.contains(id), Duration.ofSeconds(10));
      assertThat(body).as("enforcement.case.decided for case " + id).isNotNull();
      JsonNode event = TestHttp.json(body);
      assertThat(event.get("specversion").asString()).isEqualTo("1.0");
      assertThat(event.get("type").asString()).isEqualTo("enforcement.case.decided");
      assertThat(event.get("source").asString()).isEqualTo("/enforcement-service");
      assertThat(event.get("subject").asString()).isEqualTo(uscc);
      assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
      assertThat(event.get("requestid").asString()).isEqualTo("req-decision-1");
      assertThat(Long.parseLong(event.get("sequence").asString())).isPositive();
      JsonNode data = event.get("data");
      assertThat(data.get("caseId").asString()).isEqualTo(id);
      assertThat(data.get("penalties").get(0).get("amount").asString()).isEqualTo("30000.00");
      assertThat(data.get("decidedAt").asString()).endsWith("+08:00");
    }
  }

  @Test
  void aCaseRunsToClosureAndCanBeRevokedByASupervisor() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.case.*")) {
      String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
      decideAndApprove(id, "30000.00", Map.of());
      String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).toString();
      expect(http.post("/api/enforcement/cases/" + id + "/service", officer,
          Map.of("servedAt", now, "method", "直接送达")), 200);
      TestHttp.Response short_ = expect(http.post("/api/enforcement/cases/" + id + "/execution", officer,
          Map.of("executedAt", now, "amountPaid", "29999.99")), 422);
      assertThat(short_.json().get("amountDue").asString()).isEqualTo("30000.00");
      expect(http.post("/api/enforcement/cases/" + id + "/execution", officer,
          Map.of("executedAt", now, "amountPaid", "30000.00")), 200);
      TestHttp.Response closed = expect(http.post("/api/enforcement/cases/" + id + "/closure", officer,
          Map.of("reason", "罚款已缴纳")), 200);
      assertThat(closed.json().get("state").asString()).isEqualTo("CLOSED");
      assertThat(closed.json().get("history").findValuesAsString("step")).containsExactly("filing", "investigation",
          "notice", "decision", "approval", "service", "execution", "closure");
      JsonNode closedEvent = TestHttp.json(probe.await(b -> b.contains(id) && b.contains("enforcement.case.closed"),
          Duration.ofSeconds(10)));
      assertThat(closedEvent.get("data").get("reason").asString()).isEqualTo("罚款已缴纳");

      expect(http.post("/api/enforcement/cases/" + id + "/revocation", officer, Map.of("reason", "复议撤销")), 403);
      expect(http.post("/api/enforcement/cases/" + id + "/revocation", TestTokens.supervisor(SHENZHEN),
          Map.of("reason", "行政复议决定撤销")), 200);
      assertThat(probe.await(b -> b.contains(id) && b.contains("enforcement.case.revoked"), Duration.ofSeconds(10)))
          .isNotNull();
      JsonNode revoked = http.get("/api/enforcement/cases/" + id, officer).json();
      assertThat(revoked.get("allowedSteps").size()).isZero();
      java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
      assertThat(java.time.LocalDate.parse(revoked.get("decision").get("publicationDue").asString()))
          .isAfter(today.plusDays(6));
      assertThat(java.time.LocalDate.parse(revoked.get("decision").get("withdrawalDue").asString()))
          .isAfter(today.plusDays(2)).isBefore(today.plusDays(30));
    }
  }

  @Test
  void stepsOutOfOrderAreConflictsNamingWhatIsAllowed() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response filed = expect(http.post("/api/enforcement/cases", officer,
        Map.of("uscc", uscc, "title", "t", "officers", List.of("a", "b"))), 201);
    String id = filed.json().get("id").asString();
    TestHttp.Response early = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        fineDecision("1000.00")), 409);
    assertThat(early.json().get("allowed").findValuesAsString("")).isEmpty();
    assertThat(early.json().get("allowed").get(0).asString()).isEqualTo("investigation");
    TestHttp.Response approval = expect(http.post("/api/enforcement/cases/" + id + "/approval",
        TestTokens.supervisor(SHENZHEN), Map.of()), 409);
    assertThat(approval.json().get("state").asString()).isEqualTo("FILED");
    TestHttp.Response service = expect(http.post("/api/enforcement/cases/" + id + "/service", officer, Map.of(
        "servedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).toString(), "method", "直接送达")), 409);
    assertThat(service.json().get("state").asString()).isEqualTo("FILED");
    expect(http.post("/api/enforcement/cases/" + id + "/teleportation", officer, Map.of()), 404);
    assertThat(http.get("/api/enforcement/cases/" + id, officer).json().get("state").asString()).isEqualTo("FILED");
  }

  @Test
  void aStaleIfMatchIsRefusedAndChangesNothing() {
    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    TestHttp.Response current = expect(http.get("/api/enforcement/cases/" + id, officer), 200);
    String etag = current.header("ETag");
    expect(http.send("POST", "/api/enforcement/cases/" + id + "/defence", officer,
        Map.of("statement", "我方已整改"), Map.of("If-Match", etag)), 200);
    TestHttp.Response stale = expect(http.send("POST", "/api/enforcement/cases/" + id + "/decision", officer,
        fineDecision("1000.00"), Map.of("If-Match", etag)), 412);
    assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
    assertThat(http.get("/api/enforcement/cases/" + id, officer).json().get("state").asString()).isEqualTo("NOTIFIED");
  }

  @Test
  void filingNeedsTwoOfficersAndAnEnterpriseInTheRegion() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response oneOfficer = expect(http.post("/api/enforcement/cases", officer,
        Map.of("uscc", uscc, "title", "t", "officers", List.of("a", "a"))), 400);
    assertThat(oneOfficer.json().get("errors").get(0).get("field").asString()).isEqualTo("officers");
    expect(http.post("/api/enforcement/cases", TestTokens.officer(CHENGDU),
        Map.of("uscc", uscc, "title", "t", "officers", List.of("a", "b"))), 404);
  }

  @Test
  void aHeavierDecisionThanNoticedIsRefused() {
    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    TestHttp.Response heavier = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        fineDecision("50000.01")), 422);
    assertThat(heavier.json().get("type").asString()).endsWith("/heavier-than-notice");
    TestHttp.Response fraction = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer, Map.of(
        "violationCodes", List.of("V-1"), "penalties", List.of(Map.of("kind", "SUSPENSION", "periodDays", 1.5)),
        "legalBasis", "b")), 400);
    assertThat(fraction.json().get("detail").asString()).contains("periodDays");
    TestHttp.Response badAmount = expect(http.post("/api/enforcement/cases/" + id + "/decision", officer,
        fineDecision("-5")), 400);
    assertThat(badAmount.json().get("errors").get(0).get("field").asString()).isEqualTo("penalties");
  }
}
