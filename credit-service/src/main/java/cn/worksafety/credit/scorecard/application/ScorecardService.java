package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.scorecard.model.RunKind;
import cn.worksafety.credit.scorecard.model.ScorecardDraft;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import cn.worksafety.credit.scorecard.model.SimulatedChange;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Scorecard versions and the runs over every file they take: drafting, simulating and activating.
 * Asking for a run only queues it; a {@link ScorecardRunner} on some replica does the work.
 */
@Service
public class ScorecardService {
  private static final Logger log = LoggerFactory.getLogger(ScorecardService.class);
  private final ScorecardVersions versions;
  private final ScorecardRuns runs;
  private final Clock clock;

  public ScorecardService(ScorecardVersions versions, ScorecardRuns runs, Clock clock) {
    this.versions = versions;
    this.runs = runs;
    this.clock = clock;
  }

  /** Stores {@code first} in force when no version exists yet; on every replica at once, one wins. */
  public void seed(ScorecardDraft first) {
    ScorecardVersion seed = ScorecardVersion.first(first, clock.instant());
    if (versions.list(0, 1).total() == 0 && versions.add(seed)) {
      log.info("scorecard {} stored and in force", seed.version());
    }
  }

  public ScorecardVersion draft(ScorecardDraft draft, Caller caller) {
    ScorecardVersion version = ScorecardVersion.draft(draft, caller.subject(), clock.instant());
    if (!versions.add(version)) {
      throw ScorecardVersion.duplicate(version.version());
    }
    return version;
  }

  public ScorecardVersion get(String version) {
    return versions.find(version).orElseThrow(() -> DomainException.notFound("scorecard", version));
  }

  public PageView<ScorecardVersion> list(int offset, int limit) {
    return versions.list(offset, limit);
  }

  /** Queues a run that rates every file with {@code version} beside the version now in force, changing nothing. */
  public ScorecardRun simulate(String version, Caller caller) {
    ScorecardVersion simulated = get(version);
    ScorecardVersion inForce = versions.active().orElseThrow(() -> new IllegalStateException("no version in force"));
    ScorecardRun run = ScorecardRun.simulation(newId(), simulated.version(), inForce.version(), caller.subject(),
        clock.instant());
    runs.add(run);
    return run;
  }

  /** Queues the activation of a draft; refused while another activation is not finished. */
  public ScorecardRun activate(String version, Caller caller) {
    get(version).requireDraft();
    ScorecardRun run = ScorecardRun.activation(newId(), version, caller.subject(), clock.instant());
    if (!runs.add(run)) {
      ScorecardRun other = runs.unfinishedActivation().orElse(null);
      throw new DomainException(ProblemKind.CONFLICT, "activation-under-way", "scorecard "
          + (other == null ? "?" : other.scorecardVersion()) + " is being activated; one activation at a time")
          .with("runId", other == null ? null : other.id());
    }
    return run;
  }

  public ScorecardRun run(String id) {
    return runs.find(id).orElseThrow(() -> DomainException.notFound("scorecard run", id));
  }

  public PageView<ScorecardRun> runs(int offset, int limit) {
    return runs.list(offset, limit);
  }

  /** A page of the enterprises a simulation found changing, in USCC order; so far, while it runs. */
  public PageView<SimulatedChange> changes(String runId, int offset, int limit) {
    ScorecardRun run = run(runId);
    if (run.kind() != RunKind.SIMULATION) {
      throw DomainException.notFound("simulation", runId);
    }
    List<SimulatedChange> page = run.progress().changed() <= offset ? List.of()
        : runs.changes(runId, offset, (int) Math.min(limit, run.progress().changed() - offset));
    return new PageView<>(page, offset / limit, limit, run.progress().changed());
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
