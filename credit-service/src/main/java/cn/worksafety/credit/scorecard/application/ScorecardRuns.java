package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.RunState;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.credit.scorecard.model.SimulatedChange;
import cn.worksafety.platform.web.PageView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where scorecard runs are kept, with the changes simulations found. Every write that a run's owner
 * makes names the owner, so a replica that lost its lease cannot overwrite the one that took over.
 */
public interface ScorecardRuns {

  /**
   * Stores a new run, numbered after every run before it; false when a run with its id exists or,
   * for an activation, another activation is not finished.
   */
  boolean add(ScorecardRun run);

  Optional<ScorecardRun> find(String id);

  /** Newest first. */
  PageView<ScorecardRun> list(int offset, int limit);

  Optional<ScorecardRun> unfinishedActivation();

  /** Every run not finished, in the order they were asked for. */
  List<ScorecardRun> unfinished();

  /** Takes the run for {@code owner} until {@code leaseUntil}, unless someone else's lease on it runs or it finished. */
  Optional<ScorecardRun> claim(String id, String owner, Instant now, Instant leaseUntil);

  /** Records which version a daily re-rating rates with. */
  void rateWith(String id, String owner, String scorecardVersion);

  /** Saves progress and extends the lease; false when {@code owner} no longer holds the run. */
  boolean checkpoint(String id, String owner, RunProgress progress, Instant leaseUntil);

  void finish(String id, String owner, RunState state, RunProgress progress, String failure, Instant at);

  /**
   * Gives the run up, with its progress kept, for any replica to take from {@code retryAt}; an
   * {@code error} counts as a failed attempt.
   */
  void release(String id, String owner, String error, Instant retryAt);

  /** Stores changes numbered from {@code first}; storing one under the same number again replaces it. */
  void addChanges(String runId, long first, List<SimulatedChange> changes);

  /** The changes numbered {@code offset} to {@code offset + limit - 1}, in that order. */
  List<SimulatedChange> changes(String runId, long offset, int limit);
}
