package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.scorecard.model.ScorecardRun;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Once a day every file is re-rated at that moment: records leave their publication period or move
 * to a lower ageing step without any event. Every replica asks for the day's run; the run is keyed
 * by the day, so it is queued once and done once.
 */
@Service
public class DailyRerating {
  private static final Logger log = LoggerFactory.getLogger(DailyRerating.class);
  private final ScorecardRuns runs;
  private final Clock clock;

  public DailyRerating(ScorecardRuns runs, Clock clock) {
    this.runs = runs;
    this.clock = clock;
  }

  /** Queues today's re-rating (today in the service's zone); false when it was queued already. */
  public boolean enqueue() {
    ScorecardRun run = ScorecardRun.dailyRerating(LocalDate.now(clock), clock.instant());
    boolean queued = runs.add(run);
    if (queued) {
      log.info("daily re-rating {} queued", run.id());
    }
    return queued;
  }
}
