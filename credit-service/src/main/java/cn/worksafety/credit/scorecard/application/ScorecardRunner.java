package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.application.CreditFiles;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.RunState;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import cn.worksafety.credit.scorecard.model.SimulatedChange;
import cn.worksafety.platform.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Works scorecard runs, on every replica. A replica takes a run under a lease and goes through
 * every file in USCC order, saving its progress (and extending the lease) every batch; a replica
 * that takes over a run whose lease lapsed goes on after the last file saved. Each step is safe to
 * do twice: a re-rating that gives the same grade and score writes nothing, and a simulation's
 * change is stored under its number. Runs that write ratings work one at a time, in the order asked
 * for, so the daily re-rating never rates with a version an activation has just replaced.
 */
@Service
public class ScorecardRunner {
  private static final Logger log = LoggerFactory.getLogger(ScorecardRunner.class);
  private final ScorecardRuns runs;
  private final ScorecardVersions versions;
  private final ActiveScorecardCache active;
  private final CreditFiles files;
  private final CreditFileService creditFiles;
  private final RunSettings settings;
  private final Clock clock;
  private final String owner = "replica-" + UUID.randomUUID();
  private final ReentrantLock working = new ReentrantLock();
  private volatile boolean stopping;

  public ScorecardRunner(ScorecardRuns runs, ScorecardVersions versions, ActiveScorecardCache active,
      CreditFiles files, CreditFileService creditFiles, RunSettings settings, Clock clock) {
    this.runs = runs;
    this.versions = versions;
    this.active = active;
    this.files = files;
    this.creditFiles = creditFiles;
    this.settings = settings;
    this.clock = clock;
  }

  /** Takes the first run this replica may and works it to its end; false when there was none to take. */
  public boolean workOnce() {
    if (stopping) {
      return false;
    }
    Instant now = clock.instant();
    boolean reratingAhead = false;
    for (ScorecardRun run : runs.unfinished()) {
      boolean waits = run.kind().rerates() && reratingAhead;
      reratingAhead |= run.kind().rerates();
      if (waits || !run.claimableAt(now)) {
        continue;
      }
      Optional<ScorecardRun> claimed = runs.claim(run.id(), owner, now, now.plus(settings.lease()));
      if (claimed.isPresent()) {
        work(claimed.get());
        return true;
      }
    }
    return false;
  }

  /** Gives up the run in hand (its progress saved) for another replica, waiting a little for that. */
  public void stop() {
    stopping = true;
    try {
      if (working.tryLock(settings.checkpointInterval().toMillis() * 2, TimeUnit.MILLISECONDS)) {
        working.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void work(ScorecardRun run) {
    working.lock();
    try {
      log.info("{} run {} taken at file {}", run.kind(), run.id(), run.progress().processed());
      RunProgress done = switch (run.kind()) {
        case SIMULATION -> simulate(run);
        case ACTIVATION -> activate(run);
        case DAILY_RERATING -> rerateDaily(run);
      };
      runs.finish(run.id(), owner, RunState.SUCCEEDED, done, null, clock.instant());
      log.info("{} run {} succeeded: {} files, {} changed", run.kind(), run.id(), done.processed(), done.changed());
    } catch (LeaseLost e) {
      log.warn("{} run {}: another replica took it over", run.kind(), run.id());
    } catch (Stopped e) {
      log.info("{} run {} given up for another replica while stopping", run.kind(), run.id());
    } catch (DomainException e) {
      log.warn("{} run {} failed: {}", run.kind(), run.id(), e.getMessage());
      runs.finish(run.id(), owner, RunState.FAILED, null, e.getMessage(), clock.instant());
    } catch (RuntimeException e) {
      giveUp(run, e);
    } finally {
      working.unlock();
    }
  }

  private void giveUp(ScorecardRun run, RuntimeException e) {
    log.warn("{} run {} interrupted by an error (attempt {} of {})", run.kind(), run.id(), run.attempts() + 1,
        settings.maxAttempts(), e);
    try {
      if (run.attempts() + 1 >= settings.maxAttempts()) {
        runs.finish(run.id(), owner, RunState.FAILED, null, e.toString(), clock.instant());
      } else {
        runs.release(run.id(), owner, e.toString(), clock.instant().plus(settings.retryDelay()));
      }
    } catch (RuntimeException again) {
      log.warn("run {} could not be given up; its lease will lapse: {}", run.id(), again.toString());
    }
  }

  /** Rates every file with the draft and with the version in force, at the same moment; writes no rating. */
  private RunProgress simulate(ScorecardRun run) {
    Scorecard draft = version(run.scorecardVersion()).rules();
    Scorecard inForce = version(run.baselineVersion()).rules();
    ZoneId zone = clock.getZone();
    return pass(run, (file, tally) -> {
      Rating before = file.ratingAt(inForce, run.asOf(), zone);
      Rating after = file.ratingAt(draft, run.asOf(), zone);
      tally.graded(before.grade(), after.grade());
      if (after.differsFrom(before)) {
        tally.found(SimulatedChange.of(file.uscc(), file.profile().name(), before, after));
      }
    });
  }

  /**
   * Puts the version in force (unless this run already did, before it was taken over), retires the
   * one before, waits until every replica rates with it, then re-rates every file with it.
   */
  private RunProgress activate(ScorecardRun run) {
    ScorecardVersion target = version(run.scorecardVersion());
    if (!target.putInForceBy(run.id())) {
      target.requireDraft();
      if (!versions.activate(target.version(), run.requestedBy(), run.id(), clock.instant())) {
        target = version(run.scorecardVersion());
        if (!target.putInForceBy(run.id())) {
          target.requireDraft();
          throw new IllegalStateException("scorecard " + target.version() + " could not be put in force");
        }
      }
    }
    versions.retireAllBut(target.version(), clock.instant());
    active.refresh();
    log.info("scorecard {} in force; re-rating every file after {}", target.version(), settings.refreshInterval());
    pause(settings.refreshInterval());
    Scorecard rules = target.rules();
    return pass(run, (file, tally) -> rerate(run, rules, file, tally));
  }

  private RunProgress rerateDaily(ScorecardRun run) {
    ScorecardVersion inForce = run.scorecardVersion() != null ? version(run.scorecardVersion())
        : versions.active().orElseThrow(() -> new IllegalStateException("no scorecard version in force"));
    if (run.scorecardVersion() == null) {
      runs.rateWith(run.id(), owner, inForce.version());
    }
    Scorecard rules = inForce.rules();
    return pass(run, (file, tally) -> rerate(run, rules, file, tally));
  }

  private void rerate(ScorecardRun run, Scorecard rules, CreditFile file, Tally tally) {
    if (creditFiles.rerate(file, rules, run.cause())) {
      tally.changedOne();
    }
  }

  /**
   * Goes through every registered enterprise's file after the run's last saved one, in USCC order,
   * with one cursor; saves progress every batch and at least every checkpoint interval.
   */
  private RunProgress pass(ScorecardRun run, BiConsumer<CreditFile, Tally> step) {
    RunProgress from = run.progress();
    Tally tally = new Tally(from, from.total() > 0 ? from.total() : files.count());
    long sinceCheckpoint = 0;
    long lastCheckpoint = System.nanoTime();
    try (Stream<CreditFile> all = files.inUsccOrderAfter(from.lastUscc(), settings.batchSize())) {
      Iterator<CreditFile> next = all.iterator();
      while (next.hasNext()) {
        CreditFile file = next.next();
        if (file.profile() != null) {
          step.accept(file, tally);
        }
        tally.passed(file.uscc());
        if (++sinceCheckpoint >= settings.batchSize() || stopping
            || System.nanoTime() - lastCheckpoint >= settings.checkpointInterval().toNanos()) {
          checkpoint(run, tally);
          sinceCheckpoint = 0;
          lastCheckpoint = System.nanoTime();
        }
      }
    }
    storeChanges(run, tally);
    return tally.progress();
  }

  private void checkpoint(ScorecardRun run, Tally tally) {
    storeChanges(run, tally);
    if (!runs.checkpoint(run.id(), owner, tally.progress(), clock.instant().plus(settings.lease()))) {
      throw new LeaseLost();
    }
    if (stopping) {
      runs.release(run.id(), owner, null, clock.instant());
      throw new Stopped();
    }
  }

  private void storeChanges(ScorecardRun run, Tally tally) {
    long first = tally.firstPending();
    List<SimulatedChange> found = tally.takePending();
    if (!found.isEmpty()) {
      runs.addChanges(run.id(), first, found);
    }
  }

  private ScorecardVersion version(String name) {
    return versions.find(name).orElseThrow(() -> DomainException.notFound("scorecard", name));
  }

  private void pause(java.time.Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for every replica to switch over", e);
    }
  }

  /** Another replica holds the run now; this one stops without another write. */
  private static final class LeaseLost extends RuntimeException {
    LeaseLost() {
      super(null, null, false, false);
    }
  }

  /** This replica is stopping; the run was saved and released for another. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }
}
