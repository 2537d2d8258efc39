package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.application.CaseService;
import cn.worksafety.enforcement.penaltycase.model.Penalty;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.enforcement.penaltycase.model.StepRecord;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

@Schema(description = "A penalty case as it stands; allowedSteps are the steps its state allows next.", example = """
    {"id": "3f2b8c1e-6d4a-4f7b-9c2e-8a1d5e7f9b20", "uscc": "914403001922038216", "region": "440300",
     "title": "未对安全设备进行经常性维护、保养和定期检测", "officers": ["officer-0001", "officer-0002"],
     "state": "SERVED", "allowedSteps": ["execution", "revocation"],
     "filedAt": "2026-11-03T09:12:04.777+08:00", "decisionDue": "2027-02-01", "deadlineStatus": "MET",
     "notice": {"proposedPenalties": [{"kind": "FINE", "amount": "50000.00", "periodDays": null}],
       "defenceWaived": false, "noticedAt": "2026-11-20T10:00:00.935+08:00", "defenceWindowLastDay": "2026-11-27",
       "hearing": null},
     "defenceStatement": "我公司已于收到告知书次日完成整改，请求从轻处罚",
     "decision": {"violationCodes": ["AQSC-099-3"],
       "penalties": [{"kind": "FINE", "amount": "50000.00", "periodDays": null}],
       "legalBasis": "《中华人民共和国安全生产法》第九十九条第三项", "decidedAt": "2026-11-28T10:30:51.106+08:00",
       "approvedBy": "supervisor-440300", "approvedAt": "2026-11-28T15:02:11.158+08:00", "collectiveReviewRef": null,
       "publicationDue": "2026-12-09", "withdrawalDue": null},
     "service": {"servedAt": "2026-11-30T10:00:00+08:00", "method": "直接送达", "dueBy": "2026-12-05", "late": false},
     "execution": null, "outcome": null,
     "history": [
       {"step": "filing", "at": "2026-11-03T09:12:04.777+08:00", "by": "officer-440300"},
       {"step": "investigation", "at": "2026-11-04T14:20:00.866+08:00", "by": "officer-440300"},
       {"step": "notice", "at": "2026-11-20T10:00:00.935+08:00", "by": "officer-440300"},
       {"step": "defence", "at": "2026-11-24T16:45:10.201+08:00", "by": "officer-440300"},
       {"step": "decision", "at": "2026-11-28T10:30:51.106+08:00", "by": "officer-440300"},
       {"step": "approval", "at": "2026-11-28T15:02:11.158+08:00", "by": "supervisor-440300"},
       {"step": "service", "at": "2026-11-30T10:20:45.310+08:00", "by": "officer-440300"}],
     "version": 7}
    """)
public record CaseView(
    String id, String uscc, String region, String title, List<String> officers, String state,
    List<String> allowedSteps, OffsetDateTime filedAt, LocalDate decisionDue, String deadlineStatus, NoticeView notice,
    String defenceStatement, DecisionView decision, ServiceView service, ExecutionView execution, String outcome,
    List<StepView> history, long version) {

  public record ServiceView(OffsetDateTime servedAt, String method, LocalDate dueBy, boolean late) {}

  public record ExecutionView(OffsetDateTime executedAt,
      @Schema(type = "string", example = "50000.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
      BigDecimal amountPaid,
      @Schema(type = "string", example = "0.00", description = "late surcharge included in amountPaid")
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal surcharge) {}

  public record PenaltyView(String kind,
      @Schema(type = "string", example = "50000.00") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
      Integer periodDays) {}

  public record NoticeView(List<PenaltyView> proposedPenalties, boolean defenceWaived, OffsetDateTime noticedAt,
      LocalDate defenceWindowLastDay, HearingView hearing) {}

  public record HearingView(OffsetDateTime requestedAt, OffsetDateTime heldAt, String record) {}

  public record DecisionView(List<String> violationCodes, List<PenaltyView> penalties, String legalBasis,
      OffsetDateTime decidedAt, String approvedBy, OffsetDateTime approvedAt, String collectiveReviewRef,
      @Schema(description = "made public (双公示) by this day: 7 working days after approval")
      LocalDate publicationDue,
      @Schema(description = "once revoked, withdrawn from publication by this day: 3 working days after")
      LocalDate withdrawalDue) {}

  public record StepView(String step, OffsetDateTime at, String by) {}

  static CaseView of(PenaltyCase c, CaseService.Deadlines deadlines, ZoneId zone) {
    return new CaseView(c.id(), c.uscc(), c.region(), c.title(), c.officers(), c.state().name(),
        c.allowedSteps().stream().map(s -> s.path()).toList(), at(c.filedAt(), zone), c.decisionDue(),
        deadlines.decision().name(),
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
            c.decision().approval() == null ? null : c.decision().approval().collectiveReviewRef(),
            deadlines.publication(), deadlines.withdrawal()),
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
