package cn.worksafety.credit.scorecard.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A long run over every enterprise's file (a simulation, an activation or the daily re-rating),
 * kept as a document so its progress can be watched and any replica can take it over.
 *
 * @param scorecardVersion the version the run rates with (for the daily re-rating: the one in force
 *     when it started)
 * @param baselineVersion a simulation's comparison: the version in force when it was asked for
 * @param asOf the moment a simulation rates every file at, so a taken-over run compares like with like
 * @param attempts how often a replica gave the run up after an error; it fails after a few
 * @param owner the replica working on it, until {@code leaseUntil}
 */
public record ScorecardRun(String id, RunKind kind, String scorecardVersion, String baselineVersion, RunState state,
    Instant asOf, String requestedBy, Instant requestedAt, Instant startedAt, Instant finishedAt,
    RunProgress progress, String failure, int attempts, String owner, Instant leaseUntil) {

  public static final String DAILY_RERATING_CAUSE = "daily-rerating";

  public static ScorecardRun simulation(String id, String version, String baseline, String by, Instant at) {
    return queued(id, RunKind.SIMULATION, version, baseline, at, by, at);
  }

  public static ScorecardRun activation(String id, String version, String by, Instant at) {
    return queued(id, RunKind.ACTIVATION, version, null, null, by, at);
  }

  /** The day's re-rating: its id is the day, so however many replicas ask for it, it runs once. */
  public static ScorecardRun dailyRerating(LocalDate day, Instant at) {
    return queued(dailyRerating(day), RunKind.DAILY_RERATING, null, null, null, ScorecardVersion.SYSTEM, at);
  }

  public static String dailyRerating(LocalDate day) {
    return "daily-" + day;
  }

  private static ScorecardRun queued(String id, RunKind kind, String version, String baseline, Instant asOf,
      String by, Instant at) {
    return new ScorecardRun(id, kind, version, baseline, RunState.QUEUED, asOf, by, at, null, null, RunProgress.NONE,
        null, 0, null, null);
  }

  /** The cause a re-rating writes into each changed rating's history. */
  public String cause() {
    return switch (kind) {
      case ACTIVATION -> "scorecard " + scorecardVersion + " activated";
      case DAILY_RERATING -> DAILY_RERATING_CAUSE;
      case SIMULATION -> null;
    };
  }

  /** Whether a replica may take it now: not finished, and nobody's lease on it runs. */
  public boolean claimableAt(Instant now) {
    return !state.finished() && (leaseUntil == null || !leaseUntil.isAfter(now));
  }

  public int percent() {
    if (state == RunState.SUCCEEDED) {
      return 100;
    }
    return progress.total() == 0 ? 0 : (int) Math.min(99, progress.processed() * 100 / progress.total());
  }
}
