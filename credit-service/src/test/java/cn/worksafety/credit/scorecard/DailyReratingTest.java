package cn.worksafety.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.scorecard.application.DailyRerating;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestTokens;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The daily re-rating: records leave their publication period, or count less as they age, with no
 * event to say so. The service's clock is set back to when the records were fresh, then forward.
 */
class DailyReratingTest extends ScorecardIntegrationTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired
  DailyRerating daily;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void aRecordThatAgesOutRaisesTheRatingOnceAndTheNextDayChangesNothing() {
    ZonedDateTime yesterday = ZonedDateTime.now(ZONE).minusDays(1);
    ZonedDateTime fourMonthsBefore = yesterday.minusMonths(4);
    try (QueueProbe probe = QueueProbe.bind(Exchanges.CREDIT, "credit.rating.changed")) {
      clock.setNowTo(fourMonthsBefore.toInstant());
      String warned = register("警告企业");
      String aged = register("旧处罚企业");
      String clean = register("无记录企业");
      // a warning (minor: published 3 months) and a serious fine that turns 12 months old in between
      decide(warned, warning(), fourMonthsBefore.minusHours(1).toInstant());
      decide(aged, fine("200000"), yesterday.minusMonths(12).minusDays(10).toInstant());
      awaitHistory(warned, h -> last(h).get("score").asInt() == 95);
      awaitHistory(aged, h -> last(h).get("score").asInt() == 70);
      Set<String> mine = Set.of(warned, aged, clean);
      assertThat(ratingChanges(probe, mine, Duration.ofSeconds(2))).as("three first ratings and two records")
          .hasSize(5);
      long published = published(mine);

      clock.setNowTo(yesterday.toInstant());
      assertThat(daily.enqueue()).isTrue();
      JsonNode run = awaitSucceeded(runOf(yesterday.toLocalDate()));
      assertThat(run.get("kind").asString()).isEqualTo("DAILY_RERATING");
      assertThat(run.get("scorecardVersion").asString()).isEqualTo("v1");
      assertThat(run.get("changed").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(run.get("processed").asLong()).isGreaterThanOrEqualTo(3);

      JsonNode warnedHistory = awaitHistory(warned, h -> h.size() == 3);
      assertThat(last(warnedHistory).get("score").asInt()).isEqualTo(100);
      assertThat(last(warnedHistory).get("cause").asString()).isEqualTo("daily-rerating");
      JsonNode agedHistory = awaitHistory(aged, h -> h.size() == 3);
      assertThat(last(agedHistory).get("grade").asString()).isEqualTo("B");
      assertThat(last(agedHistory).get("score").asInt()).as("−30 counts half after 12 months").isEqualTo(85);
      assertThat(last(agedHistory).get("cause").asString()).isEqualTo("daily-rerating");
      assertThat(awaitHistory(clean, h -> true).size()).isEqualTo(1);

      List<JsonNode> announced = ratingChanges(probe, mine, Duration.ofSeconds(3));
      assertThat(announced).extracting(e -> e.get("subject").asString()).containsExactlyInAnyOrder(warned, aged);
      JsonNode warnedEvent = announced.stream().filter(e -> e.get("subject").asString().equals(warned))
          .findFirst().orElseThrow().get("data");
      assertThat(warnedEvent.get("oldScore").asInt()).isEqualTo(95);
      assertThat(warnedEvent.get("newScore").asInt()).isEqualTo(100);
      assertThat(warnedEvent.get("scorecardVersion").asString()).isEqualTo("v1");

      assertThat(daily.enqueue()).as("the day's re-rating is queued once").isFalse();
      clock.reset();
      assertThat(daily.enqueue()).as("today's").isTrue();
      JsonNode today = awaitSucceeded(runOf(LocalDate.now(ZONE)));
      assertThat(today.get("processed").asLong()).isGreaterThanOrEqualTo(3);
      assertThat(http.get("/api/credit/scorecards/runs", TestTokens.admin()).json().get("items")
          .findValuesAsString("id")).startsWith(today.get("id").asString(), run.get("id").asString());
      assertThat(ratingChanges(probe, mine, Duration.ofSeconds(2))).as("nothing more to announce").isEmpty();
      assertThat(published(mine)).as("nor waiting in an outbox").isEqualTo(published + 2);
      assertThat(awaitHistory(warned, h -> true).size()).isEqualTo(3);
      assertThat(awaitHistory(aged, h -> true).size()).isEqualTo(3);
    }
  }

  /** How many rating changes of these enterprises this service has logged for publication. */
  private long published(Set<String> usccs) {
    return database.getCollection("event_log").countDocuments(Filters.and(Filters.in("subject", usccs),
        Filters.eq("type", "credit.rating.changed")));
  }

  private static String runOf(LocalDate day) {
    return "/api/credit/scorecards/runs/daily-" + day;
  }
}
