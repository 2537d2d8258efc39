package cn.worksafety.credit.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.BlacklistEntered;
import cn.worksafety.contracts.events.BlacklistRemoved;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.DepartmentMeasures;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.blacklist.ListingDriver;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 发起 → 响应 → 反馈 over the real broker: credit's own listing events issue the tasks, departments
 * answer through the API, and the administrator follows each listing's progress.
 */
class SanctionApiTest extends CreditIntegrationTest {
  private static final String PROCUREMENT = "M-GOVERNMENT-PROCUREMENT";
  private static final String SUBSIDY = "M-FISCAL-SUBSIDY";
  private static final String LAND = "M-LAND-AND-MINING-RIGHTS";
  private static final String ADMIN = TestTokens.admin();
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(8));

  @Test
  void aListingGivesEachDepartmentWithAnApplicableMeasureATaskItAcknowledgesReportsOnAndLiftsAfterRemoval() {
    String finance = code();
    String land = code();
    String bystander = code();
    register(finance, List.of(PROCUREMENT, SUBSIDY));
    register(land, List.of(LAND));
    register(bystander, List.of("M-HONOURS"));
    try {
      String entryId = "L-" + UUID.randomUUID();
      String uscc = TestUsccs.random("440300");
      String enteredId = UUID.randomUUID().toString();
      send(EventType.BLACKLIST_ENTERED, uscc, enteredId, entered(entryId, uscc));
      JsonNode tasks = await("/api/credit/sanctions?entryId=" + entryId, ADMIN, t -> t.get("total").asInt() == 2);
      assertThat(tasks.get("items").findValuesAsString("department")).containsExactlyInAnyOrder(finance, land);
      String taskId = entryId + ":" + finance;
      String landTaskId = entryId + ":" + land;

      send(EventType.BLACKLIST_ENTERED, uscc, enteredId, entered(entryId, uscc));
      String barrier = "L-" + UUID.randomUUID();
      send(EventType.BLACKLIST_ENTERED, uscc, UUID.randomUUID().toString(), entered(barrier, uscc));
      await("/api/credit/sanctions?entryId=" + barrier, ADMIN, t -> t.get("total").asInt() == 2);
      assertThat(http.get("/api/credit/sanctions?entryId=" + entryId, ADMIN).json().get("total").asInt())
          .as("a redelivered entry issues no second task").isEqualTo(2);

      String partner = TestTokens.partner(finance);
      JsonNode own = http.get("/api/credit/sanctions?size=100", partner).json();
      assertThat(own.get("items").findValuesAsString("department")).containsOnly(finance);
      assertThat(http.get("/api/credit/sanctions/" + landTaskId, partner).status())
          .as("another department's task does not exist for this one").isEqualTo(404);
      assertThat(post(landTaskId + "/acknowledgement", partner, Map.of()).status()).isEqualTo(404);
      JsonNode task = http.get("/api/credit/sanctions/" + taskId, partner).json();
      assertThat(task.get("status").asString()).isEqualTo("OPEN");
      assertThat(task.get("measures").findValuesAsString("code")).containsExactly(PROCUREMENT, SUBSIDY);
      assertThat(task.get("overdue").asBoolean()).isFalse();

      TestHttp.Response early = post(taskId + "/feedback", partner, report(applied(PROCUREMENT)));
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.json().get("allowed").get(0).asString()).isEqualTo("acknowledgement");
      assertThat(post(taskId + "/acknowledgement", partner, Map.of()).json().get("status").asString())
          .isEqualTo("ACKNOWLEDGED");

      assertBadFeedback(taskId, partner, Map.of("measures", List.of()), "measures");
      assertBadFeedback(taskId, partner, report(Map.of("measure", PROCUREMENT, "outcome", "DONE")), "measures[0].outcome");
      assertBadFeedback(taskId, partner, report(applied(LAND)), "measures[0].measure");
      assertBadFeedback(taskId, partner, report(Map.of("measure", PROCUREMENT, "outcome", "APPLIED",
          "date", TODAY.toString())), "measures[0].reference");
      assertBadFeedback(taskId, partner, report(Map.of("measure", PROCUREMENT, "outcome", "APPLIED",
          "reference", "财采限〔2026〕118号", "date", TODAY.plusDays(2).toString())), "measures[0].date");
      assertBadFeedback(taskId, partner, report(Map.of("measure", PROCUREMENT, "outcome", Map.of("$gt", ""))),
          "measures[0].outcome");
      assertThat(http.get("/api/credit/sanctions/" + taskId, partner).json().get("feedback").size())
          .as("refused feedback changed nothing").isZero();

      TestHttp.Response reported = post(taskId + "/feedback", partner, report(applied(PROCUREMENT),
          Map.of("measure", SUBSIDY, "outcome", "NOT_APPLICABLE", "reason", "该单位未申请财政补贴")));
      assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
      assertThat(reported.json().get("status").asString()).isEqualTo("APPLIED");
      assertThat(reported.json().get("measures").get(0).get("reference").asString()).isEqualTo("财采限〔2026〕118号");
      assertThat(reported.json().get("feedback").get(0).get("reportedBy").asString()).isNotBlank();

      assertThat(post(taskId + "/acknowledgement", ADMIN, Map.of()).status()).as("only the department answers")
          .isEqualTo(403);
      assertThat(http.get("/api/credit/sanctions", TestTokens.officer("440300")).status()).isEqualTo(403);
      JsonNode progress = http.get("/api/credit/sanctions/progress", ADMIN).json().valueStream()
          .filter(p -> p.get("entryId").asString().equals(entryId)).findFirst().orElseThrow();
      assertThat(progress.get("byStatus").get("APPLIED").asInt()).isEqualTo(1);
      assertThat(progress.get("byStatus").get("OPEN").asInt()).isEqualTo(1);
      assertThat(progress.get("overdue").asInt()).isZero();
      assertThat(http.get("/api/credit/sanctions?entryId=" + entryId + "&status=OPEN", ADMIN).json()
          .get("items").findValuesAsString("department")).containsExactly(land);
      assertThat(http.get("/api/credit/sanctions?status=SOMETIMES", ADMIN).status()).isEqualTo(400);

      send(EventType.BLACKLIST_REMOVED, uscc, UUID.randomUUID().toString(), new BlacklistRemoved(entryId, uscc,
          "REPAIRED", OffsetDateTime.now(ZoneOffset.ofHours(8))));
      JsonNode removed = await("/api/credit/sanctions/" + taskId, partner,
          t -> t.get("status").asString().equals("LIFT_PENDING"));
      assertThat(removed.get("outstanding").valueStream().map(JsonNode::asString)).containsExactly(PROCUREMENT);
      TestHttp.Response reapplied = post(taskId + "/feedback", partner, report(applied(PROCUREMENT)));
      assertThat(reapplied.status()).isEqualTo(409);
      assertThat(reapplied.json().get("allowed").valueStream().map(JsonNode::asString)).contains("LIFTED");
      TestHttp.Response lifted = post(taskId + "/feedback", partner, report(Map.of("measure", PROCUREMENT,
          "outcome", "LIFTED", "date", TODAY.toString())));
      assertThat(lifted.json().get("status").asString()).isEqualTo("LIFTED");
    } finally {
      List.of(finance, land, bystander).forEach(c ->
          http.send("DELETE", "/api/credit/partners/" + c, ADMIN, null, Map.of()));
    }
  }

  @Test
  void aDepartmentRegisteredAfterAPublicationIsGivenItsTaskOnRequestOnce() {
    ListingDriver listings = new ListingDriver(http, this::send);
    String uscc = listings.registered();
    listings.decided(uscc, "case-" + UUID.randomUUID(), "AQXK-19", OffsetDateTime.now(ZoneOffset.ofHours(8))
        .minusDays(30));
    String entryId = listings.awaitProposal(uscc).get("id").asString();
    TestHttp.Response notInForce = post("", ADMIN, Map.of("entryId", entryId));
    assertThat(notInForce.status()).as(notInForce.toString()).isEqualTo(409);
    assertThat(notInForce.json().get("state").asString()).isEqualTo("PROPOSED");
    String early = code();
    register(early, List.of(SUBSIDY));
    String late = code();
    try {
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
      listings.publish(entryId, now.minusDays(25), now.minusDays(5));
      // the entry's own event has issued its tasks once the department registered before has one
      await("/api/credit/sanctions?entryId=" + entryId + "&department=" + early, ADMIN,
          t -> t.get("total").asInt() == 1);
      register(late, List.of(PROCUREMENT));
      TestHttp.Response issued = post("", ADMIN, Map.of("entryId", entryId));
      assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
      assertThat(issued.json().get("issued").asInt()).isEqualTo(1);
      assertThat(issued.json().get("tasks").findValuesAsString("department")).contains(late);
      assertThat(post("", ADMIN, Map.of("entryId", entryId)).json().get("issued").asInt()).as("once").isZero();
      assertThat(post("", TestTokens.partner(late), Map.of("entryId", entryId)).status()).isEqualTo(403);
      assertThat(post("", ADMIN, Map.of("entryId", "BL-NONE")).status()).isEqualTo(404);
      assertThat(post("", ADMIN, Map.of()).status()).isEqualTo(400);
    } finally {
      List.of(early, late).forEach(c -> http.send("DELETE", "/api/credit/partners/" + c, ADMIN, null, Map.of()));
    }
  }

  @Test
  void anEntryAnnouncedAfterItsRemovalGivesTasksThatStartWithTheLifting() {
    ListingDriver listings = new ListingDriver(http, this::send);
    String uscc = listings.registered();
    String caseId = "case-" + UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    listings.decided(uscc, caseId, "SGBG-36", now.minusDays(20));
    String entryId = listings.awaitProposal(uscc).get("id").asString();
    listings.publish(entryId, now.minusDays(15), now.minusDays(2));
    send(EventType.CASE_REVOKED, uscc, UUID.randomUUID().toString(), new CaseRevoked(caseId, uscc, now, "行政复议撤销"));
    await("/api/credit/blacklist/" + entryId, ADMIN, l -> l.get("state").asString().equals("REMOVED"));

    String late = code();
    register(late, List.of(PROCUREMENT));
    try {
      // the entry's announcement comes again, after its removal (a replay from the inbox's dead letters)
      send(EventType.BLACKLIST_ENTERED, uscc, UUID.randomUUID().toString(), entered(entryId, uscc));
      // issued, then set where the removal left it: the department is asked to lift, not to apply
      JsonNode task = await("/api/credit/sanctions/" + entryId + ":" + late, ADMIN,
          t -> t.get("status").asString().equals("LIFT_PENDING"));
      assertThat(task.get("removedAt").isNull()).isFalse();
    } finally {
      http.send("DELETE", "/api/credit/partners/" + late, ADMIN, null, Map.of());
    }
  }

  private static BlacklistEntered entered(String entryId, String uscc) {
    LocalDate start = LocalDate.now(ZoneOffset.ofHours(8));
    return new BlacklistEntered(entryId, uscc, "深圳市测试化工有限公司", List.of(), "UNLICENSED_OPERATION",
        "《安全生产严重失信主体名单管理办法》第七条", "深圳市应急管理局", start, start.plusYears(3),
        List.of(new DepartmentMeasures("mof", List.of(PROCUREMENT, SUBSIDY)), new DepartmentMeasures("mnr",
            List.of(LAND)), new DepartmentMeasures("wenming", List.of())));
  }

  private static Map<String, Object> applied(String measure) {
    return Map.of("measure", measure, "outcome", "APPLIED", "reference", "财采限〔2026〕118号", "date", TODAY.toString());
  }

  @SafeVarargs
  private static Map<String, Object> report(Map<String, Object>... measures) {
    return Map.of("measures", List.of(measures));
  }

  private void assertBadFeedback(String taskId, String token, Map<String, Object> body, String field) {
    TestHttp.Response refused = post(taskId + "/feedback", token, body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    // a field rule answers in "errors", an unreadable value in "detail": either names the field
    assertThat(refused.body()).as(refused.toString()).containsAnyOf("'" + field + "'", "\"" + field + "\"");
  }

  private TestHttp.Response post(String path, String token, Object body) {
    return http.post("/api/credit/sanctions" + (path.isEmpty() ? "" : "/" + path), token, body);
  }

  private void register(String code, List<String> measures) {
    TestHttp.Response created = http.post("/api/credit/partners", ADMIN, Map.of("code", code, "name", "部门" + code,
        "measures", measures));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static String code() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode await(String path, String token, Predicate<JsonNode> until) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode last = null;
    while (System.currentTimeMillis() < deadline) {
      TestHttp.Response answer = http.get(path, token);
      if (answer.status() == 200) {
        last = answer.json();
        if (until.test(last)) {
          return last;
        }
      }
      sleep();
    }
    throw new AssertionError(path + " never came to the expected state; last: " + last);
  }
}
