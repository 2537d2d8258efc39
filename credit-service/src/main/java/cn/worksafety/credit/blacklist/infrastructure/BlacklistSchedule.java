package cn.worksafety.credit.blacklist.infrastructure;

import cn.worksafety.credit.blacklist.application.BlacklistJobs;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs expiry and reminders every few minutes (so an entry comes off within minutes of its last day),
 * on one replica at a time under the {@code blacklist-jobs} lease; the jobs themselves are idempotent,
 * so a lease that lapses mid-run costs nothing but repeated reads.
 */
@Component
public class BlacklistSchedule {
  private final BlacklistJobs jobs;
  private final LockingTaskExecutor lease;
  private final Clock clock;

  public BlacklistSchedule(BlacklistJobs jobs, LockingTaskExecutor lease, Clock clock) {
    this.jobs = jobs;
    this.lease = lease;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${app.blacklist.job-interval:5m}",
      initialDelayString = "${app.blacklist.job-delay:30s}")
  public void run() {
    lease.executeWithLock((Runnable) jobs::runAll,
        new LockConfiguration(clock.instant(), "blacklist-jobs", Duration.ofMinutes(10), Duration.ZERO));
  }
}
