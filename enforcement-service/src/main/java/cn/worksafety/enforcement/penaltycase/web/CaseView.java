package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.model.DeadlineStatus;
import cn.worksafety.enforcement.penaltycase.model.Penalty;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.enforcement.penaltycase.model.StepRecord;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

public record CaseView(
    String id, String uscc, String region, String title, List<String> officers, String state,
    List<String> allowedSteps, OffsetDateTime filedAt, LocalDate decisionDue, String deadlineStatus, NoticeView notice,
    String defenceStatement, DecisionView decision, ServiceView service, ExecutionView execution, String outcome,
    List<StepView> history, long version) {

  public record ServiceView(OffsetDateTime servedAt, String method, LocalDate dueBy, boolean late) {}

  public record ExecutionView(OffsetDateTime executedAt,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amountPaid,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal surcharge) {}

  public record PenaltyView(String kind, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
      Integer periodDays) {}

  public record NoticeView(List<PenaltyView> proposedPenalties, boolean defenceWaived, OffsetDateTime noticedAt,
      LocalDate defenceWindowLastDay, HearingView hearing) {}

  public record HearingView(OffsetDateTime requestedAt, OffsetDateTime heldAt, String record) {}

  public record DecisionView(List<String> violationCodes, List<PenaltyView> penalties, String legalBasis,
      OffsetDateTime decidedAt, String approvedBy, OffsetDateTime approvedAt, String collectiveReviewRef) {}

  public record StepView(String step, OffsetDateTime at, String by) {}

  static CaseView of(PenaltyCase c, DeadlineStatus deadline, ZoneId zone) {
    return new CaseView(c.id(), c.uscc(), c.region(), c.title(), c.officers(), c.state().name(),
        c.allowedSteps().stream().map(s -> s.path()).toList(), at(c.filedAt(), zone), c.decisionDue(), deadline.name(),
        c.notice() == null ? null : new NoticeView(penalties(c.notice().proposedPenalties()),
            c.notice().defenceWaived(), at(c.notice().noticedAt(), zone), c.notice().defenceWindowLastDay(),
            c.notice().hearing() == null ? null : new HearingView(at(c.notice().hearing().requestedAt(), zone),
                c.notice().hearing().heldAt() == null ? null : at(c.notice().hearing().heldAt(), zone),
                c.notice().hearing().record())),
        c.defenceStatement(),
        c.decision() == null ? null : new DecisionView(c.decision().violationCodes(),
            penalties(c.decision().penalties()), c.decision().legalBasis(), at(c.decision().decidedAt(), zone),
            c.decision().approval() == null ? null : c.decision().approval().supervisor(),
            c.decision().approval() == null ? null : at(c.decision().approval().approvedAt(), zone),
            c.decision().approval() == null ? null : c.decision().approval().collectiveReviewRef()),
        c.service() == null ? null : new ServiceView(at(c.service().servedAt(), zone), c.service().method(),
            c.service().dueBy(), c.service().late(zone)),
        c.execution() == null ? null : new ExecutionView(at(c.execution().executedAt(), zone),
            c.execution().amountPaid(), c.execution().surcharge()),
        c.outcome(), c.history().stream().map(h -> step(h, zone)).toList(), c.version());
  }

  private static List<PenaltyView> penalties(List<Penalty> penalties) {
    return penalties.stream().map(p -> new PenaltyView(p.kind().name(), p.amount(), p.periodDays())).toList();
  }

  private static StepView step(StepRecord h, ZoneId zone) {
    return new StepView(h.step(), at(h.at(), zone), h.by());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
