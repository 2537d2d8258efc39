package cn.worksafety.enforcement.inspection.infrastructure;

import cn.worksafety.enforcement.inspection.application.HazardOverdueSweep;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link HazardOverdueSweep} every {@code app.hazards.overdue-sweep} (default 10 minutes) on
 * whichever replica holds the {@value #LEASE} lease, held at most {@code app.hazards.overdue-sweep-lease}
 * (default 5 minutes). The lease only saves work: the sweep announces each hazard once even when two
 * runs overlap.
 */
@Component
public class HazardOverdueSchedule {
  static final String LEASE = "hazard-overdue-sweep";
  private final HazardOverdueSweep sweep;
  private final LockingTaskExecutor lease;
  private final Duration leaseTime;
  private final Clock clock;

  public HazardOverdueSchedule(HazardOverdueSweep sweep, LockingTaskExecutor lease,
      @Value("${app.hazards.overdue-sweep-lease:PT5M}") Duration leaseTime, Clock clock) {
    this.sweep = sweep;
    this.lease = lease;
    this.leaseTime = leaseTime;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${app.hazards.overdue-sweep:PT10M}",
      initialDelayString = "${app.hazards.overdue-sweep-initial-delay:PT30S}")
  public void run() {
    lease.executeWithLock((Runnable) sweep::sweep,
        new LockConfiguration(clock.instant(), LEASE, leaseTime, Duration.ZERO));
  }
}
