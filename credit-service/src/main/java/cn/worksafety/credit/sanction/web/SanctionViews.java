package cn.worksafety.credit.sanction.web;

import cn.worksafety.credit.sanction.application.FeedbackDeadline;
import cn.worksafety.credit.sanction.model.Feedback;
import cn.worksafety.credit.sanction.model.Outcome;
import cn.worksafety.credit.sanction.model.SanctionTask;
import cn.worksafety.credit.sanction.model.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tasks as answers carry them: each measure's latest outcome, the status, the due date and the overdue flag. */
@Component
class SanctionViews {
  private final FeedbackDeadline deadline;
  private final Clock clock;

  SanctionViews(FeedbackDeadline deadline, Clock clock) {
    this.deadline = deadline;
    this.clock = clock;
  }

  record MeasureView(String code, Outcome outcome, String reference, LocalDate date, String reason) {}

  record FeedbackView(String measure, Outcome outcome, String reference, LocalDate date, String reason,
      OffsetDateTime reportedAt, String reportedBy) {}

  record TaskView(String id, String entryId, String uscc, String unitName, String department, String departmentName,
      TaskStatus status, boolean overdue, LocalDate dueDate, List<MeasureView> measures, List<String> outstanding,
      OffsetDateTime issuedAt, OffsetDateTime acknowledgedAt, OffsetDateTime removedAt, OffsetDateTime restoredAt,
      List<FeedbackView> feedback, long version) {}

  TaskView of(SanctionTask t) {
    List<MeasureView> measures = t.latest().entrySet().stream().map(e -> e.getValue()
        .map(f -> new MeasureView(e.getKey(), f.outcome(), f.reference(), f.date(), f.reason()))
        .orElse(new MeasureView(e.getKey(), null, null, null, null))).toList();
    return new TaskView(t.id(), t.entryId(), t.uscc(), t.unitName(), t.department(), t.departmentName(), t.status(),
        deadline.overdue(t), deadline.due(t), measures, t.outstanding(), local(t.issuedAt()),
        local(t.acknowledgedAt()), local(t.removedAt()), local(t.restoredAt()),
        t.feedback().stream().map(this::of).toList(), t.version());
  }

  boolean overdue(SanctionTask t) {
    return deadline.overdue(t);
  }

  private FeedbackView of(Feedback f) {
    return new FeedbackView(f.measure(), f.outcome(), f.reference(), f.date(), f.reason(), local(f.reportedAt()),
        f.reportedBy());
  }

  private OffsetDateTime local(Instant at) {
    return Optional.ofNullable(at).map(i -> i.atZone(clock.getZone()).toOffsetDateTime()).orElse(null);
  }
}
