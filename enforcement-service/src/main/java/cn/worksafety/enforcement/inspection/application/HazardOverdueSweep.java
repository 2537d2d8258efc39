package cn.worksafety.enforcement.inspection.application;

import cn.worksafety.enforcement.inspection.model.Inspection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Announces each hazard that is past its rectification deadline and still not rectified, once.
 *
 * <p>The announcement and the mark that it was made ({@code overdueAnnouncedAt}) are one versioned
 * write on the inspection, carrying the event in its outbox. So whatever runs this at the same time
 * (another replica, a run that outlived its lease), a hazard is announced by exactly one write: the
 * loser of a version race reads the inspection again and finds nothing left to announce.
 */
@Component
public class HazardOverdueSweep {
  private static final Logger log = LoggerFactory.getLogger(HazardOverdueSweep.class);
  /** Inspections handled per run; whatever is left waits for the next run. */
  static final int BATCH = 1_000;
  /** Version races lost in a row on one inspection before it is left for the next run. */
  private static final int ATTEMPTS = 5;

  private final Inspections inspections;
  private final Clock clock;

  public HazardOverdueSweep(Inspections inspections, Clock clock) {
    this.inspections = inspections;
    this.clock = clock;
  }

  /** One sweep over every region; returns how many hazards this run announced. */
  public int sweep() {
    LocalDate today = LocalDate.now(clock);
    int announced = 0;
    for (String id : inspections.withUnannouncedOverdueHazards(today, BATCH)) {
      announced += announce(id, today);
    }
    if (announced > 0) {
      log.info("announced {} overdue hazards", announced);
    }
    return announced;
  }

  private int announce(String id, LocalDate today) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Inspection> current = inspections.find(id);
      if (current.isEmpty()) {
        return 0;
      }
      Instant now = clock.instant();
      Inspection.Change change = current.get().announceOverdue(today, now);
      if (change.events().isEmpty()) {
        return 0;
      }
      if (inspections.update(current.get(), change.inspection(), "overdue-announcement", change.events())) {
        return change.events().size();
      }
    }
    log.warn("inspection {} kept changing while its overdue hazards were announced; left for the next run", id);
    return 0;
  }
}
