package cn.worksafety.credit.scorecard.infrastructure;

import cn.worksafety.credit.scorecard.application.ActiveScorecardCache;
import cn.worksafety.credit.scorecard.application.DailyRerating;
import cn.worksafety.credit.scorecard.application.ScorecardRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scorecard work every replica does: follow the version in force, look for runs to work, and
 * ask for the day's re-rating. Stops first when the service stops, so a run in hand is saved and
 * given up before the store and broker connections close.
 */
@Component
public class ScorecardSchedules implements SmartLifecycle {
  private final ActiveScorecardCache active;
  private final ScorecardRunner runner;
  private final DailyRerating daily;
  private volatile boolean running;

  public ScorecardSchedules(ActiveScorecardCache active, ScorecardRunner runner, DailyRerating daily) {
    this.active = active;
    this.runner = runner;
    this.daily = daily;
  }

  @Scheduled(fixedDelayString = "${app.scorecards.refresh-interval:5s}")
  public void followVersionInForce() {
    if (running) {
      active.refresh();
    }
  }

  @Scheduled(fixedDelayString = "${app.scorecards.runs.poll-interval:1s}",
      initialDelayString = "${app.scorecards.runs.poll-interval:1s}")
  public void workRuns() {
    if (running) {
      runner.workOnce();
    }
  }

  @Scheduled(cron = "${app.scorecards.daily-rerating.cron:0 30 0 * * *}",
      zone = "${app.scorecards.daily-rerating.zone:Asia/Shanghai}")
  public void askForTheDaysRerating() {
    if (running) {
      daily.enqueue();
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    runner.stop();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
