package cn.worksafety.credit.scorecard.web;

import static cn.worksafety.credit.scorecard.web.ScorecardView.time;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.scorecard.model.GradeCounts;
import cn.worksafety.credit.scorecard.model.RunKind;
import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run over every enterprise's file and how far it got; poll it until {@code state} is SUCCEEDED or
 * FAILED. A simulation also shows the grades before and after and where to page through the
 * enterprises that change.
 */
public record RunView(
    @Schema(example = "5b0e9a57-2f7c-4c4e-9d55-0c1f3f7e2a10") String id,
    @Schema(description = "SIMULATION, ACTIVATION or DAILY_RERATING", example = "SIMULATION") String kind,
    @Schema(description = "the version rated with", example = "v2") String scorecardVersion,
    @Schema(description = "a simulation's comparison: the version in force when it was asked for", example = "v1")
    String baselineVersion,
    @Schema(description = "QUEUED, RUNNING, SUCCEEDED or FAILED", example = "RUNNING") String state,
    @Schema(description = "files gone through so far", example = "420000") long processed,
    @Schema(description = "files when the run started", example = "1000000") long total,
    @Schema(example = "42") int percent,
    @Schema(description = "enterprises whose grade or score would change (simulation) or changed (re-rating)",
        example = "3150") long changed,
    @Schema(example = "admin-li") String requestedBy,
    OffsetDateTime requestedAt,
    OffsetDateTime startedAt,
    OffsetDateTime finishedAt,
    @Schema(description = "a simulation rates every file as of this moment") OffsetDateTime asOf,
    @Schema(description = "what a re-rating writes into each changed rating's history",
        example = "scorecard v2 activated") String cause,
    @Schema(description = "why it failed, or the error it is retrying after") String failure,
    @Schema(description = "errors it was given up after so far; it fails after a few", example = "0") int attempts,
    Simulation simulation) {

  /**
   * @param gradesBefore enterprises per grade under the version in force
   * @param gradesAfter enterprises per grade under the simulated version
   * @param changes where to page through the enterprises that change
   */
  public record Simulation(Map<String, Long> gradesBefore, Map<String, Long> gradesAfter, long changed,
      @Schema(example = "/api/credit/scorecards/runs/5b0e9a57-2f7c-4c4e-9d55-0c1f3f7e2a10/changes") String changes) {}

  static RunView of(ScorecardRun r, ZoneId zone) {
    RunProgress p = r.progress();
    Simulation simulation = r.kind() != RunKind.SIMULATION ? null
        : new Simulation(grades(p.before()), grades(p.after()), p.changed(), ScorecardController.runPath(r) + "/changes");
    return new RunView(r.id(), r.kind().name(), r.scorecardVersion(), r.baselineVersion(), r.state().name(),
        p.processed(), p.total(), r.percent(), p.changed(), r.requestedBy(), time(r.requestedAt(), zone),
        time(r.startedAt(), zone), time(r.finishedAt(), zone), time(r.asOf(), zone), r.cause(), r.failure(),
        r.attempts(), simulation);
  }

  private static Map<String, Long> grades(GradeCounts counts) {
    Map<String, Long> grades = new LinkedHashMap<>();
    for (Grade grade : Grade.values()) {
      grades.put(grade.name(), counts.of(grade));
    }
    return grades;
  }
}
