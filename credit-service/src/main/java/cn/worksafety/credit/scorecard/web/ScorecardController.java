package cn.worksafety.credit.scorecard.web;

import cn.worksafety.credit.scorecard.application.ScorecardService;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Scorecard versions: draft, simulate, activate; and the runs that simulation and activation start. */
@RestController
@Tag(name = "Scorecards", description = "评分卡版本 Scorecard versions: the rules that turn credit records into "
    + "a grade, kept as versioned data. A credit administrator drafts a version, simulates it over every "
    + "enterprise (nothing changes), then activates it: it comes into force, the version before is retired, and "
    + "every enterprise is re-rated, each changed rating announced as credit.rating.changed. Simulation and "
    + "activation run in the background: they answer 202 with the run to watch.")
@RequestMapping(ScorecardController.PATH)
@PreAuthorize("hasRole('CREDIT_ADMIN')")
public class ScorecardController {
  static final String PATH = "/api/credit/scorecards";
  private final ScorecardService scorecards;
  private final Clock clock;

  public ScorecardController(ScorecardService scorecards, Clock clock) {
    this.scorecards = scorecards;
    this.clock = clock;
  }

  @Operation(summary = "List scorecard versions 评分卡版本列表", description = "Every version, newest draft first.")
  @GetMapping
  public PageView<ScorecardView> list(@ParameterObject @Valid PageRequest page) {
    return scorecards.list(page.offset(), page.sizeOrDefault()).map(v -> ScorecardView.of(v, clock.getZone()));
  }

  @Operation(summary = "Read a scorecard version 查看评分卡版本",
      description = "A version's state, who drafted and activated it, and its rules in the shape a draft takes.")
  @ApiResponse(responseCode = "404", description = "no version of that name")
  @GetMapping("/{version}")
  public ScorecardView get(@Parameter(example = "v1") @PathVariable String version) {
    return ScorecardView.of(scorecards.get(version), clock.getZone());
  }

  @Operation(summary = "Draft a scorecard version 起草评分卡版本",
      description = "Stores a new version as DRAFT. Deductions are 0 or less, bonuses 0 or more, the base above 0, "
          + "thresholds a > b > c > 0, each ageing step older than 1–600 months counting 0–100 %; record kinds, "
          + "severities and standardization grades must be known ones. Every broken rule is named in errors (400) "
          + "and nothing is stored. A version name is used once (409).")
  @ApiResponse(responseCode = "201", description = "Drafted; Location names it", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "validation-failed, with every field refused in errors")
  @ApiResponse(responseCode = "409", description = "duplicate-scorecard: the version name is taken")
  @PostMapping
  public ResponseEntity<ScorecardView> draft(@RequestBody DraftRequest request) {
    ScorecardVersion drafted = scorecards.draft(request.toDraft(), Callers.current());
    return ResponseEntity.created(URI.create(PATH + "/" + drafted.version()))
        .body(ScorecardView.of(drafted, clock.getZone()));
  }

  @Operation(summary = "Simulate a scorecard version 模拟评分",
      description = "Queues a run that rates every enterprise with this version and with the version in force, as "
          + "of now, and reports the grades before and after and each enterprise that would change. Ratings, "
          + "their history and events are left alone. Watch the run at the Location.")
  @ApiResponse(responseCode = "202", description = "Queued; Location is the run to watch", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "no version of that name")
  @PostMapping("/{version}/simulation")
  public ResponseEntity<RunView> simulate(@Parameter(example = "v2") @PathVariable String version) {
    return accepted(scorecards.simulate(version, Callers.current()));
  }

  @Operation(summary = "Activate a scorecard version 启用评分卡版本",
      description = "Queues the activation of a DRAFT: it comes into force, the version in force is retired, and "
          + "every enterprise is re-rated with it; a rating whose grade or score changes is stored with the cause "
          + "\"scorecard <version> activated\" in its history and announced as credit.rating.changed. Only a DRAFT "
          + "can be activated (409 naming its state), and one activation at a time (409 naming the run).")
  @ApiResponse(responseCode = "202", description = "Queued; Location is the run to watch", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "no version of that name")
  @ApiResponse(responseCode = "409", description = "scorecard-not-draft (with state) or activation-under-way "
      + "(with runId)")
  @PostMapping("/{version}/activation")
  public ResponseEntity<RunView> activate(@Parameter(example = "v2") @PathVariable String version) {
    return accepted(scorecards.activate(version, Callers.current()));
  }

  @Operation(summary = "List scorecard runs 评分运行列表",
      description = "Simulations, activations and the daily re-ratings, newest first.")
  @GetMapping("/runs")
  public PageView<RunView> runs(@ParameterObject @Valid PageRequest page) {
    return scorecards.runs(page.offset(), page.sizeOrDefault()).map(r -> RunView.of(r, clock.getZone()));
  }

  @Operation(summary = "Watch a scorecard run 查看评分运行",
      description = "Its state (QUEUED, RUNNING, SUCCEEDED, FAILED), files gone through of the total, and, for a "
          + "simulation, the grade distribution before and after. A daily re-rating's id is daily-<date>.")
  @ApiResponse(responseCode = "404", description = "no run with that id")
  @GetMapping("/runs/{runId}")
  public RunView run(@Parameter(example = "daily-2026-03-01") @PathVariable String runId) {
    return RunView.of(scorecards.run(runId), clock.getZone());
  }

  @Operation(summary = "Enterprises a simulation changes 模拟评分变化企业",
      description = "The enterprises the simulated version rates differently (grade or score), in USCC order, each "
          + "with its grade and score before and after; while the simulation runs, those found so far.")
  @ApiResponse(responseCode = "404", description = "no simulation with that id")
  @GetMapping("/runs/{runId}/changes")
  public PageView<ChangeView> changes(@PathVariable String runId, @ParameterObject @Valid PageRequest page) {
    return scorecards.changes(runId, page.offset(), page.sizeOrDefault()).map(ChangeView::of);
  }

  static String runPath(ScorecardRun run) {
    return PATH + "/runs/" + run.id();
  }

  private ResponseEntity<RunView> accepted(ScorecardRun run) {
    return ResponseEntity.accepted().location(URI.create(runPath(run))).body(RunView.of(run, clock.getZone()));
  }
}
