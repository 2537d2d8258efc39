package cn.worksafety.credit.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One trace from the officer's request in enforcement-service to the rating change partners receive. */
class TracePropagationTest extends CreditIntegrationTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @Test
  void theRatingChangeCausedByAnEventContinuesTheEventsTrace() {
    String uscc = TestUsccs.random("330100");
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(),
        new EnterpriseRegistered(uscc, "杭州追踪化工有限公司", "330100", "HAZARDOUS_CHEMICALS", "NONE", "VALID", null, null));
    try (QueueProbe ratings = QueueProbe.bind(Exchanges.CREDIT, "credit.rating.changed")) {
      ratings.drain(Duration.ofSeconds(2));
      String decisionId = UUID.randomUUID().toString();
      send(EventType.CASE_DECIDED, uscc, decisionId,
          new CaseDecided("case-" + decisionId, uscc, "330100", List.of("AQSC-2021-114"),
              List.of(new Penalty("FINE", new BigDecimal("30000.00"), null)),
              OffsetDateTime.now(ZoneOffset.ofHours(8)), "《中华人民共和国安全生产法》第九十九条"),
          "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01");

      String traceparent = TestHttp.json(ratings.await(b -> b.contains(uscc), Duration.ofSeconds(10)))
          .path("traceparent").asString();
      assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain(CALLER_SPAN);
    }
  }
}
