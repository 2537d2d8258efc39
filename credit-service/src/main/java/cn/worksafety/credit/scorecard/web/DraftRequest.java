package cn.worksafety.credit.scorecard.web;

import cn.worksafety.credit.scorecard.model.ScorecardDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** A new scorecard version, in the shape of the seed file {@code scorecards/v1.json}; checked by the model. */
@Schema(example = """
    {"version": "v2", "base": 100,
     "deductions": {"ADMINISTRATIVE_PENALTY": {"MINOR": -5, "GENERAL": -25, "SERIOUS": -45},
                    "ACCIDENT": {"MINOR": -10, "GENERAL": -20, "SERIOUS": -40}},
     "standardizationBonus": {"LEVEL_1": 10, "LEVEL_2": 5, "LEVEL_3": 2},
     "ageing": [{"olderThanMonths": 12, "percent": 50}, {"olderThanMonths": 24, "percent": 25}],
     "thresholds": {"a": 90, "b": 75, "c": 60}}""")
public record DraftRequest(
    @Schema(description = "the new version's name: v2, v2.1 …; never reused", example = "v2") String version,
    @Schema(description = "the score of an enterprise with nothing on file, 1–1000", example = "100") Integer base,
    @Schema(description = "points (0 or less) per record kind and per severity (MINOR, GENERAL, SERIOUS); "
        + "what is left out deducts nothing") Map<String, Map<String, Integer>> deductions,
    @Schema(description = "points (0 or more) per standardization grade (NONE, LEVEL_1, LEVEL_2, LEVEL_3)")
    Map<String, Integer> standardizationBonus,
    @Schema(description = "once older than olderThanMonths (1–600), a record counts percent (0–100) of its points")
    List<Step> ageing,
    @Schema(description = "the lowest score of grades A, B and C (a > b > c > 0); below c is D") Thresholds thresholds) {

  public record Step(@Schema(example = "12") Integer olderThanMonths, @Schema(example = "50") Integer percent) {}

  public record Thresholds(@Schema(example = "90") Integer a, @Schema(example = "75") Integer b,
      @Schema(example = "60") Integer c) {}

  ScorecardDraft toDraft() {
    return new ScorecardDraft(version, base, deductions, standardizationBonus,
        ageing == null ? null : ageing.stream().map(s -> s == null ? null
            : new ScorecardDraft.Step(s.olderThanMonths(), s.percent())).toList(),
        thresholds == null ? null : new ScorecardDraft.Limits(thresholds.a(), thresholds.b(), thresholds.c()));
  }
}
