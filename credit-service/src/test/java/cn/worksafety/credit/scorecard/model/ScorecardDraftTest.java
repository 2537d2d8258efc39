package cn.worksafety.credit.scorecard.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.creditfile.model.Severity;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.FieldError;
import cn.worksafety.platform.problem.ProblemKind;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The rules a scorecard draft must keep, all reported at once. */
class ScorecardDraftTest {
  private static final Instant NOW = Instant.parse("2026-03-01T01:00:00Z");

  static ScorecardDraft valid() {
    return new ScorecardDraft("v2", 100,
        Map.of("ADMINISTRATIVE_PENALTY", Map.of("MINOR", -5, "GENERAL", -25, "SERIOUS", -45)),
        Map.of("LEVEL_1", 10, "NONE", 0),
        List.of(new ScorecardDraft.Step(24, 25), new ScorecardDraft.Step(12, 50)),
        new ScorecardDraft.Limits(90, 75, 60));
  }

  @Test
  void aValidDraftGivesItsRulesAsAScorecardThatRates() {
    Scorecard rules = valid().rules();
    assertThat(rules.version()).isEqualTo("v2");
    assertThat(rules.deductions().get(RecordKind.ADMINISTRATIVE_PENALTY).get(Severity.GENERAL)).isEqualTo(-25);
    assertThat(rules.ageing()).extracting(Scorecard.Ageing::olderThanMonths).containsExactly(12, 24);
    assertThat(rules.grade(75)).hasToString("B");
    assertThat(rules.grade(74)).hasToString("C");

    ScorecardVersion drafted = ScorecardVersion.draft(valid(), "admin-li", NOW);
    assertThat(drafted.state()).isEqualTo(ScorecardState.DRAFT);
    assertThat(drafted.draftedBy()).isEqualTo("admin-li");
    drafted.requireDraft();
  }

  @Test
  void everyBrokenRuleIsNamedByItsFieldAndNothingIsMade() {
    Map<String, Map<String, Integer>> deductions = new LinkedHashMap<>();
    deductions.put("ADMINISTRATIVE_PENALTY", Map.of("GENERAL", 5, "FATAL", -1));
    deductions.put("NOT_A_KIND", Map.of("MINOR", -1));
    ScorecardDraft broken = new ScorecardDraft("2", 0, deductions, Map.of("LEVEL_1", -3, "LEVEL_9", 1),
        List.of(new ScorecardDraft.Step(0, 150), new ScorecardDraft.Step(12, 50), new ScorecardDraft.Step(12, 40)),
        new ScorecardDraft.Limits(60, 75, 90));

    assertThatThrownBy(broken::rules).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind()).isEqualTo(ProblemKind.INVALID);
      assertThat(fields(e)).containsExactly("ageing[0].olderThanMonths", "ageing[0].percent",
          "ageing[2].olderThanMonths", "base", "deductions.ADMINISTRATIVE_PENALTY.FATAL",
          "deductions.ADMINISTRATIVE_PENALTY.GENERAL", "deductions.NOT_A_KIND", "standardizationBonus.LEVEL_1",
          "standardizationBonus.LEVEL_9", "thresholds", "version");
    });
  }

  @Test
  void boundsAndVersionNamesAreExactlyAsTheRulesSay() {
    assertThat(problems(new ScorecardDraft("v2", 1, Map.of("ACCIDENT", Map.of("SERIOUS", 0)), Map.of("NONE", 0),
        List.of(new ScorecardDraft.Step(1, 0), new ScorecardDraft.Step(600, 100)), new ScorecardDraft.Limits(3, 2, 1))))
        .as("deduction 0, bonus 0, base 1, percent 0 and 100, thresholds 3 > 2 > 1 are all allowed").isEmpty();
    assertThat(problems(new ScorecardDraft("v2", 100, Map.of(), Map.of(), List.of(),
        new ScorecardDraft.Limits(90, 90, 60)))).containsExactly("thresholds");
    assertThat(problems(new ScorecardDraft("v2", 100, Map.of(), Map.of(), List.of(),
        new ScorecardDraft.Limits(90, 75, 0)))).containsExactly("thresholds");
    assertThat(problems(new ScorecardDraft("v2", 100, Map.of(), Map.of(), List.of(new ScorecardDraft.Step(601, 10)),
        new ScorecardDraft.Limits(90, 75, 60)))).containsExactly("ageing[0].olderThanMonths");
    assertThat(problems(new ScorecardDraft(null, null, null, null, null, null)))
        .containsExactly("base", "deductions", "thresholds", "version");
    for (String name : List.of("v2", "v10.1", "v2.0.3")) {
      assertThat(problems(new ScorecardDraft(name, 100, Map.of(), Map.of(), List.of(),
          new ScorecardDraft.Limits(90, 75, 60)))).as(name).isEmpty();
    }
    for (String name : List.of("V2", "v", "v2/x", "runs", "v2.", "v12345")) {
      assertThat(problems(new ScorecardDraft(name, 100, Map.of(), Map.of(), List.of(),
          new ScorecardDraft.Limits(90, 75, 60)))).as(name).containsExactly("version");
    }
  }

  @Test
  void theShippedFirstVersionKeepsTheRules() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/scorecards/v1.json")) {
      ScorecardDraft seed = JsonMapper.builder().build().readValue(in, ScorecardDraft.class);
      ScorecardVersion first = ScorecardVersion.first(seed, NOW);
      assertThat(first.state()).isEqualTo(ScorecardState.ACTIVE);
      assertThat(first.rules().deductions()).containsOnlyKeys(RecordKind.values());
    }
  }

  @Test
  void onlyADraftIsActivatedAndTheRefusalNamesTheState() {
    ScorecardVersion inForce = ScorecardVersion.first(valid(), NOW);
    assertThatThrownBy(inForce::requireDraft).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
      assertThat(e.properties()).containsEntry("state", "ACTIVE").containsEntry("version", "v2");
    });
  }

  private static List<String> problems(ScorecardDraft draft) {
    try {
      draft.rules();
      return List.of();
    } catch (DomainException e) {
      return fields(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> fields(DomainException e) {
    return ((List<FieldError>) e.properties().get("errors")).stream().map(FieldError::field).toList();
  }
}
