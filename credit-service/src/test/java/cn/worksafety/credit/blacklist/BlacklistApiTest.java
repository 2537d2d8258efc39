package cn.worksafety.credit.blacklist;

import static cn.worksafety.credit.blacklist.ListingDriver.decision;
import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.contracts.events.CaseClosed;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.NamedPerson;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.blacklist.application.BlacklistJobs;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The serious-dishonesty list end to end: a penalty decision meeting a listing condition arrives over
 * the real broker, the proposal runs its procedure through the API, and the entry's events reach a
 * partner-side queue and credit's own rating.
 */
class BlacklistApiTest extends CreditIntegrationTest {
  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8));
  private static final String REGION = "440300";
  private static final String OFFICER = TestTokens.officer(REGION);
  private static final String SUPERVISOR = TestTokens.supervisor(REGION);
  private static final String ADMIN = TestTokens.admin();

  @Autowired
  BlacklistJobs jobs;

  private ListingDriver listings;

  @BeforeEach
  void driver() {
    listings = new ListingDriver(http, this::send);
  }

  @Test
  void aDecisionForUnlicensedOperationIsProposedListedRepairedRestoredAndExpires() {
    try (QueueProbe partner = QueueProbe.bind(Exchanges.CREDIT, "credit.blacklist.#")) {
      String uscc = listings.registered();
      String caseId = "case-" + UUID.randomUUID();
      listings.decided(uscc, caseId, "AQXK-19", NOW.minusDays(420));
      JsonNode proposal = listings.awaitProposal(uscc);
      assertThat(proposal.get("trigger").get("code").asString()).isEqualTo("UNLICENSED_OPERATION");
      assertThat(proposal.get("proposedAutomatically").asBoolean()).isTrue();
      assertThat(proposal.get("persons").get(0).get("maskedIdNumber").asString()).isEqualTo("110***********7777");
      String id = proposal.get("id").asString();
      String path = "/api/credit/blacklist/proposals/" + id;

      listings.decided(uscc, caseId, "AQXK-19", NOW.minusDays(420));
      assertThat(listings.proposals(uscc)).as("the same decision again proposes nothing more").hasSize(1);

      TestHttp.Response outOfOrder = listings.step(path + "/publication", SUPERVISOR, "\"1\"", Map.of());
      assertThat(outOfOrder.status()).isEqualTo(409);
      assertThat(outOfOrder.json().get("allowed").get(0).asString()).isEqualTo("notice");

      TestHttp.Response notified = listings.step(path + "/notice", OFFICER, "\"1\"", Map.of("servedAt",
          NOW.minusDays(410).toString(), "persons", List.of(Map.of("name", "王某", "role", "其他责任人员",
              "idNumber", "11010519491231002X"))));
      assertThat(notified.status()).as(notified.toString()).isEqualTo(200);
      assertThat(notified.body()).doesNotContain("11010519491231002X").contains("110***********002X");
      assertThat(listings.step(path + "/notice", OFFICER, "\"1\"", Map.of()).status()).as("stale If-Match")
          .isEqualTo(412);

      TestHttp.Response byOfficer = listings.step(path + "/decision", OFFICER, listings.etag(id),
          decision(NOW.minusDays(400)));
      assertThat(byOfficer.status()).as("only a supervisor decides").isEqualTo(403);
      TestHttp.Response decided = listings.step(path + "/decision", SUPERVISOR, listings.etag(id),
          decision(NOW.minusDays(400)));
      assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
      assertThat(decided.json().get("decision").get("endDate").asString())
          .isEqualTo(NOW.minusDays(400).toLocalDate().plusYears(3).minusDays(1).toString());

      TestHttp.Response published = listings.step(path + "/publication", OFFICER, listings.etag(id), Map.of());
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      assertThat(published.json().get("state").asString()).isEqualTo("LISTED");
      assertThat(published.json().get("publication").get("late").asBoolean()).isTrue();

      JsonNode screened = http.post("/api/credit/screening", TestTokens.partner("ndrc"), Map.of("queries", List.of(
          Map.of("ref", "by-code", "uscc", uscc.toLowerCase()),
          Map.of("ref", "by-name", "name", "深圳市 测试化工（有限责任公司）")))).json();
      assertThat(screened.get("results").get(0).get("matches")).singleElement().satisfies(m -> {
        assertThat(m.get("entryId").asString()).isEqualTo(id);
        assertThat(m.get("score").asDouble()).isEqualTo(1.0);
        assertThat(m.get("reason").asString()).isEqualTo("USCC");
      });
      assertThat(screened.get("results").get(1).get("ref").asString()).isEqualTo("by-name");
      assertThat(screened.get("results").get(1).get("matches").valueStream()
          .filter(m -> m.get("entryId").asString().equals(id))).singleElement().satisfies(m -> {
            assertThat(m.get("score").asDouble()).isEqualTo(0.95);
            assertThat(m.get("reason").asString()).isEqualTo("NAME_EQUAL");
          });

      JsonNode entered = event(partner, "credit.blacklist.entered", id);
      assertThat(entered.get("subject").asString()).isEqualTo(uscc);
      assertThat(entered.get("data").get("trigger").asString()).isEqualTo("UNLICENSED_OPERATION");
      assertThat(entered.get("data").get("listedPersons").findValuesAsString("idNumber"))
          .containsExactly("110***********7777", "110***********002X");
      assertThat(entered.get("data").get("measures").findValuesAsString("department")).contains("mem", "ndrc", "pboc");
      assertThat(awaitRating(uscc, r -> r.get("grade").asString().equals("D")).get("lines")
          .findValuesAsString("rule")).contains("LISTED⇒D");

      send(EventType.ENTERPRISE_UPDATED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
          "深圳市更名化工有限公司", REGION, "HAZARDOUS_CHEMICALS", "NONE", "VALID", null,
          new NamedPerson("张某", "110***********7777")));
      JsonNode updated = event(partner, "credit.blacklist.updated", id);
      assertThat(updated.get("data").get("changes").get("unitName").asString()).isEqualTo("深圳市更名化工有限公司");
      assertThat(updated.get("data").get("changes").size()).as("only what changed").isEqualTo(1);

      assertThat(list("").findValuesAsString("id")).contains(id);
      assertThat(list("&asOf=" + NOW.minusDays(1).toLocalDate()).findValuesAsString("id")).doesNotContain(id);

      TestHttp.Response applied = repair(id, listings.etag(id));
      assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
      String repairPath = "/api/credit/blacklist/" + id + "/repairs/R1";
      TestHttp.Response unmet = listings.step(repairPath + "/approval", ADMIN, listings.etag(id),
          Map.of("reason", "同意"));
      assertThat(unmet.status()).isEqualTo(422);
      assertThat(unmet.json().get("type").asString()).endsWith("repair-conditions-unmet");

      send(EventType.CASE_CLOSED, uscc, UUID.randomUUID().toString(), new CaseClosed(caseId, uscc, NOW, "已执行"));
      TestHttp.Response approved = listings.awaitStep(repairPath + "/approval", ADMIN, null, Map.of("reason", "同意修复"));
      assertThat(approved.json().get("state").asString()).isEqualTo("REMOVED");
      assertThat(event(partner, "credit.blacklist.removed", id).get("data").get("reason").asString())
          .isEqualTo("REPAIRED");
      // the penalty is past its publication period, so off the list the enterprise is back to 100
      awaitRating(uscc, r -> r.get("grade").asString().equals("A"));

      TestHttp.Response restored = listings.step("/api/credit/blacklist/" + id + "/restoration", ADMIN,
          listings.etag(id),
          Map.of("reason", "修复材料造假"));
      assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
      JsonNode restoredEvent = event(partner, "credit.blacklist.restored", id);
      assertThat(restoredEvent.get("data").get("originalEndDate").asString())
          .isEqualTo(decided.json().get("decision").get("endDate").asString());
      awaitRating(uscc, r -> r.get("grade").asString().equals("D"));

      assertThat(jobs.expire(NOW.plusYears(3).toInstant())).isGreaterThanOrEqualTo(1);
      assertThat(event(partner, "credit.blacklist.removed", id).get("data").get("reason").asString())
          .isEqualTo("EXPIRED");
      assertThat(jobs.expire(NOW.plusYears(3).toInstant())).as("expiry happens once").isZero();
    }
  }

  @Test
  void aRepairBeforeTwelveMonthsIsRefusedWithTheEarliestDateAndARevokedDecisionRemovesTheEntry() {
    try (QueueProbe partner = QueueProbe.bind(Exchanges.CREDIT, "credit.blacklist.removed")) {
      String uscc = listings.registered();
      String caseId = "case-" + UUID.randomUUID();
      listings.decided(uscc, caseId, "SGBG-36", NOW.minusDays(20));
      String id = listings.awaitProposal(uscc).get("id").asString();
      String path = "/api/credit/blacklist/proposals/" + id;
      assertThat(listings.step(path + "/notice", OFFICER, null, Map.of("servedAt", NOW.minusDays(15).toString()))
          .status())
          .isEqualTo(200);
      assertThat(listings.step(path + "/decision", SUPERVISOR, null, decision(NOW.minusDays(2))).status())
          .isEqualTo(200);
      assertThat(listings.step(path + "/publication", OFFICER, null, Map.of()).status()).isEqualTo(200);

      TestHttp.Response early = repair(id, null);
      assertThat(early.status()).isEqualTo(422);
      assertThat(early.json().get("earliestDate").asString())
          .isEqualTo(NOW.minusDays(2).toLocalDate().plusMonths(12).toString());

      send(EventType.CASE_REVOKED, uscc, UUID.randomUUID().toString(),
          new CaseRevoked(caseId, uscc, NOW, "行政复议撤销"));
      assertThat(event(partner, "credit.blacklist.removed", id).get("data").get("reason").asString())
          .isEqualTo("REVOKED");
    }
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    String uscc = listings.registered();
    Map<String, Object> noDecision = Map.of("uscc", uscc, "trigger", "PRINCIPAL_FLED", "caseId", "case-none",
        "grounds", "事故后逃匿");
    TestHttp.Response none = http.post("/api/credit/blacklist/proposals", OFFICER, noDecision);
    assertThat(none.status()).as(none.toString()).isEqualTo(422);
    assertThat(none.json().get("type").asString()).endsWith("no-penalty-decision");

    String caseId = "case-" + UUID.randomUUID();
    listings.decided(uscc, caseId, "AQSC-097-1", NOW.minusDays(3));
    awaitRating(uscc, r -> r.get("score").asInt() < 100);
    assertThat(listings.proposals(uscc)).as("an ordinary violation meets no condition").isEmpty();
    Map<String, Object> manual = Map.of("uscc", uscc, "trigger", "REFUSED_EXECUTION", "caseId", caseId,
        "grounds", "拒不执行停产整顿决定", "persons", List.of(Map.of("name", "李某", "role", "其他责任人员",
            "idNumber", "110105194912310021")));
    TestHttp.Response badId = http.post("/api/credit/blacklist/proposals", OFFICER, manual);
    assertThat(badId.status()).isEqualTo(400);
    assertThat(badId.body()).contains("persons[0].idNumber");
    assertThat(http.post("/api/credit/blacklist/proposals", OFFICER, Map.of("uscc", uscc, "trigger", "NO_SUCH",
        "caseId", caseId, "grounds", "x")).status()).isEqualTo(400);
    assertThat(http.post("/api/credit/blacklist/proposals", OFFICER, Map.of("uscc", uscc)).status()).isEqualTo(400);
    assertThat(http.post("/api/credit/blacklist/proposals", TestTokens.officer("110000"), Map.of("uscc", uscc,
        "trigger", "REFUSED_EXECUTION", "caseId", caseId, "grounds", "x")).status()).as("another region")
        .isEqualTo(404);
    assertThat(http.post("/api/credit/blacklist/proposals", TestTokens.partner("ndrc"), manual).status())
        .isEqualTo(403);
    assertThat(listings.proposals(uscc)).as("nothing stored").isEmpty();

    Map<String, Object> valid = Map.of("uscc", uscc, "trigger", "REFUSED_EXECUTION", "caseId", caseId,
        "grounds", "拒不执行停产整顿决定");
    TestHttp.Response created = http.post("/api/credit/blacklist/proposals", OFFICER, valid);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    TestHttp.Response again = http.post("/api/credit/blacklist/proposals", OFFICER, valid);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("listing").asString()).isEqualTo(created.header("Location"));

    String path = "/api/credit/blacklist/proposals/" + created.json().get("id").asString();
    assertThat(http.post(path + "/approval", OFFICER, Map.of()).status()).isEqualTo(404);
    listings.step(path + "/notice", OFFICER, null, Map.of());
    TestHttp.Response windowOpen = listings.step(path + "/decision", SUPERVISOR, null, decision(null));
    assertThat(windowOpen.status()).as(windowOpen.toString()).isEqualTo(422);
    assertThat(windowOpen.json().has("objectionLastDay")).isTrue();
    TestHttp.Response future = listings.step(path + "/objection", OFFICER, null, Map.of("statement", "异议",
        "receivedAt", NOW.plusDays(2).toString()));
    assertThat(future.status()).isEqualTo(400);
    assertThat(http.get(path, TestTokens.officer("110000")).status()).isEqualTo(404);
    assertThat(http.get(path, OFFICER).json().get("state").asString()).isEqualTo("NOTIFIED");
  }

  /** A decision to list, made at {@code decidedAt} or (null) now. */
  private JsonNode list(String query) {
    return http.get("/api/credit/blacklist?size=100" + query, TestTokens.partner("ndrc")).json().get("items");
  }

  private TestHttp.Response repair(String id, String ifMatch) {
    return listings.step("/api/credit/blacklist/" + id + "/repairs", OFFICER, ifMatch, Map.of("correction", "已取得许可证",
        "commitment", "信用承诺书已公示", "training", "主要负责人已完成培训"));
  }

  private JsonNode event(QueueProbe probe, String type, String entryId) {
    String message = probe.await(m -> m.contains("\"" + type + "\"") && m.contains(entryId), Duration.ofSeconds(10));
    assertThat(message).as(type + " of " + entryId).isNotNull();
    return TestHttp.json(message);
  }

  private JsonNode awaitRating(String uscc, Predicate<JsonNode> until) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode rating = null;
    while (System.currentTimeMillis() < deadline) {
      rating = http.get("/api/credit/enterprises/" + uscc + "/rating", ADMIN).json();
      if (rating.has("grade") && until.test(rating)) {
        return rating;
      }
      sleep();
    }
    throw new AssertionError("rating of " + uscc + " never matched; last " + rating);
  }
}
