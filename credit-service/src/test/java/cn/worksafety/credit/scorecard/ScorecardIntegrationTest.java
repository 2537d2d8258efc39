package cn.worksafety.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scorecard tests change what every rating is made with (an activation) or move the service's
 * clock, so each class gets a service of its own (and so a database and an inbox queue of its
 * own), closed when the class is done.
 *
 * <p>The broker is shared: every test service on this machine (another module's, another
 * developer's) hears every enforcement event sent, so this service may hold enterprises of other
 * tests and another may announce ratings of this test's enterprises. Tests therefore judge this
 * test's enterprises exactly, the totals over every file by what must hold whatever else is on
 * file, and what was published by this service's own event log.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(MutableClockConfiguration.class)
abstract class ScorecardIntegrationTest extends CreditIntegrationTest {
  static final String REGION = "440300";

  @Autowired
  MutableClock clock;
  @Autowired
  MongoDatabase database;

  @DynamicPropertySource
  static void quickRuns(DynamicPropertyRegistry registry) {
    registry.add("app.scorecards.runs.poll-interval", () -> "200ms");
    registry.add("app.scorecards.refresh-interval", () -> "1s");
  }

  String register(String name) {
    String uscc = TestUsccs.random(REGION);
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc, name,
        REGION, "MINING", "NONE", "VALID", null, null));
    awaitHistory(uscc, h -> h.size() == 1);
    return uscc;
  }

  void decide(String uscc, Penalty penalty, Instant decidedAt) {
    send(EventType.CASE_DECIDED, uscc, UUID.randomUUID().toString(), new CaseDecided("case-" + UUID.randomUUID(),
        uscc, REGION, List.of("AQSC-099-3"), List.of(penalty), decidedAt.atOffset(ZoneOffset.ofHours(8)),
        "《中华人民共和国安全生产法》第九十九条"));
  }

  static Penalty fine(String amount) {
    return new Penalty("FINE", new BigDecimal(amount), null);
  }

  static Penalty warning() {
    return new Penalty("WARNING", null, null);
  }

  /** The enterprise's stored rating history (what was announced), once it satisfies {@code until}. */
  JsonNode awaitHistory(String uscc, Predicate<JsonNode> until) {
    long deadline = System.currentTimeMillis() + 10_000;
    JsonNode periods = null;
    while (System.currentTimeMillis() < deadline) {
      TestHttp.Response answer = http.get("/api/credit/enterprises/" + uscc + "/rating/history", TestTokens.admin());
      if (answer.status() == 200) {
        periods = answer.json().get("periods");
        if (until.test(periods)) {
          return periods;
        }
      }
      sleep();
    }
    throw new AssertionError("the rating history of " + uscc + " never became as expected; last: " + periods);
  }

  static JsonNode last(JsonNode periods) {
    return periods.get(periods.size() - 1);
  }

  /** Polls the run at {@code location} until it finished, and asserts it succeeded. */
  JsonNode awaitSucceeded(String location) {
    long deadline = System.currentTimeMillis() + 20_000;
    JsonNode run = null;
    while (System.currentTimeMillis() < deadline) {
      run = http.get(location, TestTokens.admin()).json();
      String state = run.get("state").asString();
      if (state.equals("SUCCEEDED") || state.equals("FAILED")) {
        assertThat(state).as("run " + run).isEqualTo("SUCCEEDED");
        return run;
      }
      sleep();
    }
    throw new AssertionError("the run at " + location + " never finished; last: " + run);
  }

  /**
   * The {@code credit.rating.changed} events about {@code usccs} that arrive within {@code wait} and
   * that this service published (they are in its event log).
   */
  List<JsonNode> ratingChanges(QueueProbe probe, Set<String> usccs, Duration wait) {
    List<JsonNode> about = probe.drain(wait).stream().map(TestHttp::json)
        .filter(e -> usccs.contains(e.get("subject").asString())).toList();
    Set<String> ours = new HashSet<>();
    database.getCollection("event_log").find(Filters.in("eventId", about.stream().map(e -> e.get("id").asString())
        .toList())).forEach((Document d) -> ours.add(d.getString("eventId")));
    return about.stream().filter(e -> ours.contains(e.get("id").asString())).toList();
  }
}
