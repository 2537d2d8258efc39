package cn.worksafety.credit.creditfile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events arrive over the real broker exactly as enforcement-service sends them. */
class EnforcementEventConsumptionTest extends CreditIntegrationTest {
  @Test
  void theSameDecisionDeliveredTwiceLeavesOneRecordAndOneRatingChange() {
    String uscc = TestUsccs.random("440300");
    try (QueueProbe ratings = QueueProbe.bind(Exchanges.CREDIT, "credit.rating.changed")) {
      send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(),
          new EnterpriseRegistered(uscc, "深圳市测试化工有限公司", "440300", "HAZARDOUS_CHEMICALS", "NONE", "VALID", null, null));
      JsonNode first = TestHttp.json(ratings.await(b -> b.contains(uscc), Duration.ofSeconds(10)));
      assertThat(first.get("data").get("newGrade").asString()).isEqualTo("A");
      assertThat(first.get("data").has("oldGrade")).isFalse();

      String decisionId = UUID.randomUUID().toString();
      CaseDecided decided = new CaseDecided("case-" + decisionId, uscc, "440300", List.of("AQSC-2021-114"),
          List.of(new Penalty("FINE", new BigDecimal("30000.00"), null)),
          OffsetDateTime.now(ZoneOffset.ofHours(8)), "《中华人民共和国安全生产法》第九十九条");
      send(EventType.CASE_DECIDED, uscc, decisionId, decided);
      send(EventType.CASE_DECIDED, uscc, decisionId, decided);

      List<String> changes = ratings.drain(Duration.ofSeconds(3)).stream().filter(b -> b.contains(uscc)).toList();
      assertThat(changes).hasSize(1);
      JsonNode change = TestHttp.json(changes.get(0));
      assertThat(change.get("type").asString()).isEqualTo("credit.rating.changed");
      assertThat(change.get("source").asString()).isEqualTo("/credit-service");
      assertThat(change.get("subject").asString()).isEqualTo(uscc);
      assertThat(change.get("data").get("oldGrade").asString()).isEqualTo("A");
      assertThat(change.get("data").get("newGrade").asString()).isEqualTo("B");
      assertThat(change.get("data").get("newScore").asInt()).isEqualTo(85);
      // Other tests' rating changes share the exchange, so only the order is this test's to check;
      // gap-free numbering is OutboxRelayTest's.
      assertThat(Long.parseLong(change.get("sequence").asString()))
          .isGreaterThan(Long.parseLong(first.get("sequence").asString()));
    }
    TestHttp.Response records = http.get("/api/credit/enterprises/" + uscc + "/records", TestTokens.admin());
    assertThat(records.json().size()).isEqualTo(1);
    assertThat(records.json().get(0).get("severity").asString()).isEqualTo("GENERAL");
    assertThat(http.get("/api/credit/enterprises/" + uscc + "/records", TestTokens.officer("440300")).status())
        .isEqualTo(200);
    assertThat(http.get("/api/credit/enterprises/" + uscc + "/records", TestTokens.officer("510100")).status())
        .isEqualTo(404);

    TestHttp.Response rating = http.get("/api/credit/enterprises/" + uscc + "/rating", TestTokens.officer("440300"));
    assertThat(rating.json().get("score").asInt()).isEqualTo(85);
    assertThat(rating.json().get("lines").get(0).get("points").asInt()).isEqualTo(-15);

    TestHttp.Response standing = http.get("/api/public/enterprises/" + uscc, null);
    assertThat(standing.status()).isEqualTo(200);
    assertThat(standing.json().get("grade").asString()).isEqualTo("B");
    assertThat(standing.json().get("records").size()).isEqualTo(1);
  }

  @Test
  void aPoisonMessageIsDeadLetteredAndDoesNotBlockTheQueue() {
    long before = QueueProbe.depth(inbox + ".dlq");
    QueueProbe.publish(Exchanges.ENFORCEMENT, "enforcement.case.decided", "{ this is not a cloud event");
    String uscc = TestUsccs.random("510100");
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(),
        new EnterpriseRegistered(uscc, "成都市后续企业有限公司", "510100", "TRADE", "NONE", "VALID", null, null));
    assertThat(awaitStatus("/api/public/enterprises/" + uscc, 200)).isTrue();
    long deadline = System.currentTimeMillis() + 10_000;
    while (QueueProbe.depth(inbox + ".dlq") <= before && System.currentTimeMillis() < deadline) {
      sleep();
    }
    assertThat(QueueProbe.depth(inbox + ".dlq")).isEqualTo(before + 1);
  }
}
