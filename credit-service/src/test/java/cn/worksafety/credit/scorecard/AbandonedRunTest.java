package cn.worksafety.credit.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.scorecard.application.ScorecardRuns;
import cn.worksafety.credit.scorecard.model.GradeCounts;
import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.RunState;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.platform.testing.TestTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A replica that stopped renewing its lease mid-run (it crashed) leaves the run RUNNING with its
 * progress saved; another replica takes it over once the lease lapsed and goes on after the last
 * file saved, instead of starting over.
 */
class AbandonedRunTest extends ScorecardIntegrationTest {
  @Autowired
  ScorecardRuns runs;

  @Test
  void aRunWhoseLeaseLapsedIsTakenOverAndGoesOnAfterTheLastFileSaved() {
    Instant anHourAgo = Instant.now().minusSeconds(3600);
    List<String> usccs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String uscc = register("企业" + i);
      decide(uscc, fine("200000"), anHourAgo);
      usccs.add(uscc);
    }
    for (String uscc : usccs) {
      awaitHistory(uscc, h -> last(h).get("score").asInt() == 70);
    }
    usccs.sort(null);
    assertThat(http.post("/api/credit/scorecards", TestTokens.admin(), ScorecardApiTest.harsher("v2")).status())
        .isEqualTo(201);

    // what a crashed replica left: the first two files gone through and counted, its lease lapsed a minute ago
    String id = UUID.randomUUID().toString();
    RunProgress halfway = new RunProgress(4, 2, usccs.get(1), 2, new GradeCounts(0, 0, 2, 0),
        new GradeCounts(0, 0, 0, 2));
    ScorecardRun simulation = ScorecardRun.simulation(id, "v2", "v1", "admin", Instant.now());
    assertThat(runs.add(new ScorecardRun(id, simulation.kind(), "v2", "v1", RunState.RUNNING, simulation.asOf(),
        "admin", simulation.requestedAt(), simulation.requestedAt(), null, halfway, null, 0, "crashed-replica",
        Instant.now().minusSeconds(60)))).isTrue();

    JsonNode run = awaitSucceeded("/api/credit/scorecards/runs/" + id);
    assertThat(run.get("processed").asLong()).isGreaterThanOrEqualTo(4);
    assertThat(run.get("attempts").asInt()).isZero();
    JsonNode result = run.get("simulation");
    assertThat(result.get("gradesBefore").get("C").asLong()).as("the two saved and the two gone through")
        .isGreaterThanOrEqualTo(4);
    assertThat(result.get("gradesAfter").get("D").asLong()).isGreaterThanOrEqualTo(4);
    // the crashed replica's changes 0 and 1 were never stored; what this run found is numbered from 2
    List<String> found = http.get(result.get("changes").asString() + "?size=100", TestTokens.admin()).json()
        .get("items").findValuesAsString("uscc");
    assertThat(found.stream().filter(usccs::contains))
        .as("of this test's files, only those after the last one saved were gone through again")
        .containsExactlyElementsOf(usccs.subList(2, 4));
  }
}
