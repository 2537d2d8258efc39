package cn.worksafety.credit.creditfile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every kind of enforcement fact credit keeps, from events over the real broker to the API. */
class CreditRecordsFromEventsTest extends CreditIntegrationTest {
  private static final OffsetDateTime AN_HOUR_AGO = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1);

  @Test
  void anAccidentIsRecordedByItsGradeAndTheInvestigationsFiguresReplaceTheFirstReport() {
    String uscc = registered("NONE", "VALID");
    String accident = "acc-" + UUID.randomUUID();
    send(EventType.ACCIDENT_REPORTED, uscc, UUID.randomUUID().toString(), new AccidentReported(accident, uscc,
        "ORDINARY", AN_HOUR_AGO, 1, 0, new BigDecimal("200000"), false));
    JsonNode reported = awaitRating(uscc, r -> r.get("score").asInt() == 80);
    assertThat(reported.get("lines").get(0).get("rule").asString()).isEqualTo("ACCIDENT/GENERAL");

    String concludedId = UUID.randomUUID().toString();
    AccidentConcluded concluded = new AccidentConcluded(accident, uscc, "MAJOR", AN_HOUR_AGO, 3, 2,
        new BigDecimal("12000000"), true, OffsetDateTime.now(ZoneOffset.ofHours(8)));
    send(EventType.ACCIDENT_CONCLUDED, uscc, concludedId, concluded);
    JsonNode after = awaitRating(uscc, r -> r.get("score").asInt() == 100 - 40 - 40);
    assertThat(after.get("lines").findValuesAsString("rule"))
        .containsExactly("ACCIDENT/SERIOUS", "ACCIDENT_CONCEALED/SERIOUS");
    assertThat(after.get("grade").asString()).isEqualTo("D");

    send(EventType.ACCIDENT_CONCLUDED, uscc, concludedId, concluded);
    JsonNode records = records(uscc);
    assertThat(records.size()).as("a redelivered conclusion adds nothing").isEqualTo(3);
    assertThat(records.get(0).get("active").asBoolean()).isFalse();
    assertThat(records.get(0).get("withdrawal").get("eventId").asString()).isEqualTo(concludedId);
  }

  @Test
  void aRevokedCaseNoLongerCountsButTheRatingBeforeTheRevocationStillShowsIt() throws Exception {
    String uscc = registered("NONE", "VALID");
    String caseId = "case-" + UUID.randomUUID();
    send(EventType.CASE_DECIDED, uscc, UUID.randomUUID().toString(), new CaseDecided(caseId, uscc, "440300",
        List.of("AQSC-099-3"), List.of(new Penalty("FINE", new BigDecimal("30000.00"), null)), AN_HOUR_AGO,
        "《中华人民共和国安全生产法》第九十九条"));
    awaitRating(uscc, r -> r.get("score").asInt() == 85);
    OffsetDateTime beforeRevocation = OffsetDateTime.now(ZoneOffset.ofHours(8));
    Thread.sleep(50);

    send(EventType.CASE_REVOKED, uscc, UUID.randomUUID().toString(), new CaseRevoked(caseId, uscc,
        OffsetDateTime.now(ZoneOffset.ofHours(8)), "行政复议撤销"));
    awaitRating(uscc, r -> r.get("score").asInt() == 100);

    JsonNode then = http.get("/api/credit/enterprises/" + uscc + "/rating?asOf=" + encode(beforeRevocation),
        TestTokens.officer("440300")).json();
    assertThat(then.get("score").asInt()).isEqualTo(85);
    JsonNode history = http.get("/api/credit/enterprises/" + uscc + "/rating/history", TestTokens.admin()).json();
    assertThat(history.get("periods").findValuesAsString("grade")).containsExactly("A", "B", "A");
    assertThat(history.get("periods").get(0).get("to").asString())
        .isEqualTo(history.get("periods").get(1).get("from").asString());
    assertThat(history.get("periods").get(2).get("to").isNull()).isTrue();
  }

  @Test
  void onlyAMajorHazardLeftOverdueGoesOnFile() {
    String uscc = registered("NONE", "VALID");
    send(EventType.HAZARD_OVERDUE, uscc, UUID.randomUUID().toString(), new HazardOverdue("i-1", "h-ordinary", uscc,
        "440300", false, "ORDINARY", LocalDate.now().minusDays(3), "灭火器过期"));
    send(EventType.HAZARD_OVERDUE, uscc, UUID.randomUUID().toString(), new HazardOverdue("i-1", "h-major", uscc,
        "440300", true, "MAJOR", LocalDate.now().minusDays(3), "储罐区未设置防火堤"));
    awaitRating(uscc, r -> r.get("score").asInt() == 90);
    JsonNode records = records(uscc);
    assertThat(records.size()).isEqualTo(1);
    assertThat(records.get(0).get("kind").asString()).isEqualTo("MAJOR_HAZARD_OVERDUE");
    assertThat(records.get(0).get("reference").asString()).isEqualTo("h-major");
  }

  @Test
  void aSuspendedLicenceGoesOnFileAndTheStandardizationGradeEarnsItsBonus() {
    String uscc = registered("LEVEL_1", "VALID");
    awaitRating(uscc, r -> r.get("score").asInt() == 110);
    send(EventType.ENTERPRISE_UPDATED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
        "深圳市测试矿业有限公司", "440300", "MINING", "LEVEL_1", "SUSPENDED", null, null));
    JsonNode rating = awaitRating(uscc, r -> r.get("score").asInt() == 95);
    assertThat(rating.get("lines").findValuesAsString("rule"))
        .containsExactlyInAnyOrder("LICENCE_SUSPENDED/GENERAL", "STANDARDIZATION/LEVEL_1");
  }

  @Test
  void anAsOfThatIsNotADateOrLiesInTheFutureIsRefusedNamingTheParameter() {
    String uscc = registered("NONE", "VALID");
    awaitRating(uscc, r -> r.get("score").asInt() == 100);
    for (String bad : List.of("yesterday", "2026-13-01", encode(OffsetDateTime.now().plusDays(1)))) {
      TestHttp.Response answer = http.get("/api/credit/enterprises/" + uscc + "/rating?asOf=" + bad,
          TestTokens.officer("440300"));
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }
    TestHttp.Response aDay = http.get("/api/credit/enterprises/" + uscc + "/rating?asOf=2020-01-01",
        TestTokens.officer("440300"));
    assertThat(aDay.status()).isEqualTo(200);
  }

  private String registered(String standardization, String licence) {
    String uscc = TestUsccs.random("440300");
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
        "深圳市测试矿业有限公司", "440300", "MINING", standardization, licence, null, null));
    assertThat(awaitStatus("/api/public/enterprises/" + uscc, 200)).isTrue();
    return uscc;
  }

  private JsonNode awaitRating(String uscc, Predicate<JsonNode> until) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode rating = null;
    while (System.currentTimeMillis() < deadline) {
      rating = http.get("/api/credit/enterprises/" + uscc + "/rating", TestTokens.admin()).json();
      if (until.test(rating)) {
        assertThat(rating.get("base").asInt() + sum(rating.get("lines"))).isEqualTo(rating.get("score").asInt());
        return rating;
      }
      sleep();
    }
    throw new AssertionError("the rating of " + uscc + " never became as expected; last: " + rating);
  }

  private JsonNode records(String uscc) {
    return http.get("/api/credit/enterprises/" + uscc + "/records", TestTokens.admin()).json();
  }

  private static int sum(JsonNode lines) {
    int sum = 0;
    for (JsonNode line : lines) {
      sum += line.get("points").asInt();
    }
    return sum;
  }

  private static String encode(OffsetDateTime at) {
    return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
  }
}
