package cn.worksafety.credit.sanction.application;

import cn.worksafety.credit.sanction.model.SanctionTask;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Each round of feedback is due a number of working days after it starts (default 10, configurable). */
@Component
public class FeedbackDeadline {
  private final WorkingDayCalendar calendar;
  private final Clock clock;
  private final int workingDays;

  public FeedbackDeadline(WorkingDayCalendar calendar, Clock clock,
      @Value("${app.sanctions.feedback-working-days:10}") int workingDays) {
    if (workingDays < 1) {
      throw new IllegalArgumentException("app.sanctions.feedback-working-days must be at least 1, not " + workingDays);
    }
    this.calendar = calendar;
    this.clock = clock;
    this.workingDays = workingDays;
  }

  public LocalDate due(SanctionTask task) {
    return task.dueDate(calendar, clock.getZone(), workingDays);
  }

  public boolean overdue(SanctionTask task) {
    return task.overdue(LocalDate.now(clock), calendar, clock.getZone(), workingDays);
  }
}
