package cn.worksafety.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Drafting, simulating and activating scorecard versions through the API, over the real store and
 * broker. The tests share one service: the first activation is the first test's, so it knows which
 * version is in force.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScorecardApiTest extends ScorecardIntegrationTest {
  private static final String PATH = "/api/credit/scorecards";

  /** v1 with the penalties harsher: a general one −25 instead of −15, a serious one −45 instead of −30. */
  static Map<String, Object> harsher(String version) {
    Map<String, Object> draft = new LinkedHashMap<>();
    draft.put("version", version);
    draft.put("base", 100);
    draft.put("deductions", Map.of(
        "ADMINISTRATIVE_PENALTY", Map.of("MINOR", -5, "GENERAL", -25, "SERIOUS", -45),
        "ACCIDENT", Map.of("MINOR", -10, "GENERAL", -20, "SERIOUS", -40)));
    draft.put("standardizationBonus", Map.of("LEVEL_1", 10, "LEVEL_2", 5, "LEVEL_3", 2));
    draft.put("ageing", List.of(Map.of("olderThanMonths", 12, "percent", 50), Map.of("olderThanMonths", 24,
        "percent", 25)));
    draft.put("thresholds", Map.of("a", 90, "b", 75, "c", 60));
    return draft;
  }

  @Test
  @Order(1)
  void aHarsherDraftIsSimulatedWithoutTouchingRatingsThenActivatedReratingEveryone() {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    String clean = register("无记录企业");
    String general = register("一般处罚企业");
    String serious = register("严重处罚企业");
    String warned = register("警告企业");
    decide(general, fine("30000.00"), anHourAgo);
    decide(serious, fine("200000"), anHourAgo);
    decide(warned, warning(), anHourAgo);
    awaitHistory(general, h -> last(h).get("score").asInt() == 85);
    awaitHistory(serious, h -> last(h).get("score").asInt() == 70);
    awaitHistory(warned, h -> last(h).get("score").asInt() == 95);
    Set<String> mine = Set.of(clean, general, serious, warned);

    TestHttp.Response drafted = http.post(PATH, TestTokens.admin(), harsher("v2"));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    assertThat(drafted.header("Location")).isEqualTo(PATH + "/v2");
    JsonNode v2 = http.get(PATH + "/v2", TestTokens.admin()).json();
    assertThat(v2.get("state").asString()).isEqualTo("DRAFT");
    assertThat(v2.get("draftedBy").asString()).isEqualTo("admin");
    assertThat(v2.get("deductions").get("ADMINISTRATIVE_PENALTY").get("SERIOUS").asInt()).isEqualTo(-45);

    try (QueueProbe probe = QueueProbe.bind(Exchanges.CREDIT, "credit.rating.changed")) {
      TestHttp.Response queued = http.post(PATH + "/v2/simulation", TestTokens.admin(), null);
      assertThat(queued.status()).as(queued.body()).isEqualTo(202);
      assertThat(queued.json().get("state").asString()).isEqualTo("QUEUED");
      JsonNode simulation = awaitSucceeded(queued.header("Location"));
      assertThat(simulation.get("kind").asString()).isEqualTo("SIMULATION");
      assertThat(simulation.get("scorecardVersion").asString()).isEqualTo("v2");
      assertThat(simulation.get("baselineVersion").asString()).isEqualTo("v1");
      assertThat(simulation.get("processed").asLong()).isGreaterThanOrEqualTo(4);
      assertThat(simulation.get("percent").asInt()).isEqualTo(100);
      JsonNode result = simulation.get("simulation");
      List<JsonNode> changes = allChanges(result.get("changes").asString());
      assertThat(result.get("changed").asLong()).isEqualTo(changes.size());
      List<String> changedUsccs = changes.stream().map(c -> c.get("uscc").asString()).toList();
      assertThat(changedUsccs).as("in USCC order").isSorted();
      assertThat(changedUsccs.stream().filter(mine::contains)).containsExactlyInAnyOrder(general, serious);
      JsonNode seriousChange = changes.get(changedUsccs.indexOf(serious));
      assertThat(seriousChange.get("name").asString()).isEqualTo("严重处罚企业");
      assertThat(seriousChange.get("before").get("grade").asString()).isEqualTo("C");
      assertThat(seriousChange.get("before").get("score").asInt()).isEqualTo(70);
      assertThat(seriousChange.get("after").get("grade").asString()).isEqualTo("D");
      assertThat(seriousChange.get("after").get("score").asInt()).isEqualTo(55);
      JsonNode generalChange = changes.get(changedUsccs.indexOf(general));
      assertThat(generalChange.get("before").get("score").asInt()).isEqualTo(85);
      assertThat(generalChange.get("after").get("grade").asString()).isEqualTo("B");
      assertThat(generalChange.get("after").get("score").asInt()).isEqualTo(75);

      Map<String, Long> before = grades(result.get("gradesBefore"));
      Map<String, Long> after = grades(result.get("gradesAfter"));
      assertThat(before.get("A")).as("this test's A, B and C").isGreaterThanOrEqualTo(2);
      assertThat(before.get("B")).isGreaterThanOrEqualTo(1);
      assertThat(before.get("C")).isGreaterThanOrEqualTo(1);
      for (String grade : List.of("A", "B", "C", "D")) {
        long in = changes.stream().filter(c -> c.get("after").get("grade").asString().equals(grade)).count();
        long out = changes.stream().filter(c -> c.get("before").get("grade").asString().equals(grade)).count();
        assertThat(after.get(grade) - before.get(grade)).as("grade %s moves as the changes say", grade)
            .isEqualTo(in - out);
      }
      JsonNode secondPage = http.get(result.get("changes").asString() + "?page=1&size=1", TestTokens.admin()).json();
      assertThat(secondPage.get("items").findValuesAsString("uscc")).containsExactly(changedUsccs.get(1));
      assertThat(secondPage.get("total").asLong()).isEqualTo(changes.size());

      assertThat(awaitHistory(serious, h -> true).size()).as("a simulation leaves the ratings alone").isEqualTo(2);
      assertThat(http.get(PATH + "/v2", TestTokens.admin()).json().get("state").asString()).isEqualTo("DRAFT");
      assertThat(ratingChanges(probe, mine, Duration.ofSeconds(1)).stream()
          .filter(e -> e.get("data").get("scorecardVersion").asString().equals("v2")))
          .as("nothing is announced by a simulation").isEmpty();

      TestHttp.Response activation = http.post(PATH + "/v2/activation", TestTokens.admin(), null);
      assertThat(activation.status()).as(activation.body()).isEqualTo(202);
      JsonNode activated = awaitSucceeded(activation.header("Location"));
      assertThat(activated.get("kind").asString()).isEqualTo("ACTIVATION");
      assertThat(activated.get("changed").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(activated.get("cause").asString()).isEqualTo("scorecard v2 activated");

      List<JsonNode> announced = ratingChanges(probe, mine, Duration.ofSeconds(3)).stream()
          .filter(e -> e.get("data").get("scorecardVersion").asString().equals("v2")).toList();
      assertThat(announced).extracting(e -> e.get("subject").asString())
          .as("announced only where grade or score changed").containsExactlyInAnyOrder(general, serious);
      JsonNode seriousEvent = announced.stream().filter(e -> e.get("subject").asString().equals(serious))
          .findFirst().orElseThrow().get("data");
      assertThat(seriousEvent.get("oldGrade").asString()).isEqualTo("C");
      assertThat(seriousEvent.get("oldScore").asInt()).isEqualTo(70);
      assertThat(seriousEvent.get("newGrade").asString()).isEqualTo("D");
      assertThat(seriousEvent.get("newScore").asInt()).isEqualTo(55);
    }

    JsonNode seriousHistory = awaitHistory(serious, h -> h.size() == 3);
    assertThat(last(seriousHistory).get("grade").asString()).isEqualTo("D");
    assertThat(last(seriousHistory).get("scorecardVersion").asString()).isEqualTo("v2");
    assertThat(last(seriousHistory).get("cause").asString()).isEqualTo("scorecard v2 activated");
    assertThat(last(awaitHistory(general, h -> h.size() == 3)).get("score").asInt()).isEqualTo(75);
    assertThat(awaitHistory(clean, h -> true).size()).as("unchanged, so not re-stored").isEqualTo(1);
    assertThat(awaitHistory(warned, h -> true).size()).isEqualTo(2);
    JsonNode rating = http.get("/api/credit/enterprises/" + serious + "/rating", TestTokens.admin()).json();
    assertThat(rating.get("scorecardVersion").asString()).isEqualTo("v2");

    Map<String, String> states = states();
    assertThat(states).containsEntry("v1", "RETIRED").containsEntry("v2", "ACTIVE");
    JsonNode v2Now = http.get(PATH + "/v2", TestTokens.admin()).json();
    assertThat(v2Now.get("activatedBy").asString()).isEqualTo("admin");
    assertThat(http.get(PATH + "/v1", TestTokens.admin()).json().get("retiredAt").isNull()).isFalse();
  }

  @Test
  @Order(2)
  void oneActivationAtATimeAndOnlyOfADraft() {
    assertThat(http.post(PATH, TestTokens.admin(), harsher("v4")).status()).isEqualTo(201);
    assertThat(http.post(PATH, TestTokens.admin(), harsher("v5")).status()).isEqualTo(201);
    TestHttp.Response first = http.post(PATH + "/v4/activation", TestTokens.admin(), null);
    assertThat(first.status()).isEqualTo(202);
    TestHttp.Response second = http.post(PATH + "/v5/activation", TestTokens.admin(), null);
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    assertThat(second.json().get("type").asString()).endsWith("/activation-under-way");
    assertThat(second.json().get("runId").asString()).isEqualTo(first.json().get("id").asString());
    awaitSucceeded(first.header("Location"));

    TestHttp.Response again = http.post(PATH + "/v4/activation", TestTokens.admin(), null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("type").asString()).endsWith("/scorecard-not-draft");
    assertThat(again.json().get("state").asString()).isEqualTo("ACTIVE");
    String retired = states().entrySet().stream().filter(e -> e.getValue().equals("RETIRED")).findFirst()
        .orElseThrow().getKey();
    TestHttp.Response old = http.post(PATH + "/" + retired + "/activation", TestTokens.admin(), null);
    assertThat(old.status()).isEqualTo(409);
    assertThat(old.json().get("state").asString()).isEqualTo("RETIRED");
    assertThat(http.get(PATH + "/v5", TestTokens.admin()).json().get("state").asString()).isEqualTo("DRAFT");
    assertThat(http.post(PATH + "/v5/activation", TestTokens.admin(), null).status())
        .as("once the other finished").isEqualTo(202);
  }

  @Test
  void badDraftsAreRefusedNamingEveryFieldAndStoringNothing() {
    long before = http.get(PATH, TestTokens.admin()).json().get("total").asLong();
    Map<String, Object> bad = harsher("2");
    bad.put("base", 0);
    bad.put("deductions", Map.of("ADMINISTRATIVE_PENALTY", Map.of("GENERAL", 5), "NOT_A_KIND", Map.of("MINOR", -1)));
    bad.put("ageing", List.of(Map.of("olderThanMonths", 0, "percent", 150)));
    bad.put("thresholds", Map.of("a", 60, "b", 75, "c", 90));
    bad.put("standardizationBonus", Map.of("LEVEL_1", -3));
    TestHttp.Response refused = http.post(PATH, TestTokens.admin(), bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.json().get("type").asString()).endsWith("/validation-failed");
    assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("ageing[0].olderThanMonths",
        "ageing[0].percent", "base", "deductions.ADMINISTRATIVE_PENALTY.GENERAL", "deductions.NOT_A_KIND",
        "standardizationBonus.LEVEL_1", "thresholds", "version");
    bad.put("version", "v9");
    assertThat(http.post(PATH, TestTokens.admin(), bad).status()).isEqualTo(400);
    assertThat(http.get(PATH + "/v9", TestTokens.admin()).status()).as("nothing stored").isEqualTo(404);
    assertThat(http.get(PATH, TestTokens.admin()).json().get("total").asLong()).isEqualTo(before);

    TestHttp.Response malformed = http.post(PATH, TestTokens.admin(), "{\"version\":\"v9\",\"base\":\"many\"}");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("type").asString()).endsWith("/malformed-body");

    assertThat(http.post(PATH, TestTokens.admin(), harsher("v3")).status()).isEqualTo(201);
    TestHttp.Response duplicate = http.post(PATH, TestTokens.admin(), harsher("v3"));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("type").asString()).endsWith("/duplicate-scorecard");

    assertThat(http.post(PATH + "/v99/activation", TestTokens.admin(), null).status()).isEqualTo(404);
    assertThat(http.post(PATH + "/v99/simulation", TestTokens.admin(), null).status()).isEqualTo(404);
    assertThat(http.get(PATH + "/runs/no-such-run", TestTokens.admin()).status()).isEqualTo(404);
    assertThat(http.get(PATH + "?size=500", TestTokens.admin()).status()).isEqualTo(400);
  }

  @Test
  void onlyCreditAdministratorsMayTouchScorecards() {
    String officer = TestTokens.officer(REGION);
    assertThat(http.get(PATH, officer).status()).isEqualTo(403);
    assertThat(http.get(PATH + "/v1", officer).status()).isEqualTo(403);
    assertThat(http.post(PATH, officer, harsher("v7")).status()).isEqualTo(403);
    assertThat(http.post(PATH + "/v1/simulation", officer, null).status()).isEqualTo(403);
    assertThat(http.post(PATH + "/v1/activation", TestTokens.supervisor(REGION), null).status()).isEqualTo(403);
    assertThat(http.get(PATH + "/runs", TestTokens.partner("ndrc")).status()).isEqualTo(403);
    assertThat(http.get(PATH, null).status()).isEqualTo(401);
    assertThat(http.get(PATH + "/v7", TestTokens.admin()).status()).as("nothing stored").isEqualTo(404);
  }

  @Test
  void theApiDocumentDescribesEveryScorecardOperation() {
    JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");
    assertThat(paths.has(PATH + "/{version}/simulation")).isTrue();
    JsonNode activation = paths.get(PATH + "/{version}/activation").get("post");
    assertThat(activation.get("summary").asString()).contains("Activate");
    assertThat(activation.get("responses").has("202")).isTrue();
    assertThat(activation.get("responses").has("409")).isTrue();
    assertThat(paths.get(PATH + "/runs/{runId}/changes").get("get").get("summary").asString()).isNotBlank();
  }

  /** Every change a simulation found, read page by page. */
  private List<JsonNode> allChanges(String path) {
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = http.get(path + "?size=100&page=" + page, TestTokens.admin()).json();
      answer.get("items").forEach(all::add);
      if (all.size() >= answer.get("total").asLong() || answer.get("items").isEmpty()) {
        return all;
      }
    }
  }

  private Map<String, String> states() {
    Map<String, String> states = new LinkedHashMap<>();
    http.get(PATH + "?size=100", TestTokens.admin()).json().get("items")
        .forEach(v -> states.put(v.get("version").asString(), v.get("state").asString()));
    return states;
  }

  private static Map<String, Long> grades(JsonNode counts) {
    Map<String, Long> grades = new LinkedHashMap<>();
    counts.properties().forEach(e -> grades.put(e.getKey(), e.getValue().asLong()));
    return grades;
  }
}
