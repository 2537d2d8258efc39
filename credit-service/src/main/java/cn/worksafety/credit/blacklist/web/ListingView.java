package cn.worksafety.credit.blacklist.web;

import cn.worksafety.credit.blacklist.model.InForce;
import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingRules;
import cn.worksafety.credit.blacklist.model.ListingStep;
import cn.worksafety.credit.blacklist.model.RepairApplication;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A listing as officers, administrators and partners see it: where its procedure stands and what it
 * allows next, its term and repair-eligible date, when it was in force, its repairs and its steps.
 * Persons carry masked ID numbers only.
 */
public record ListingView(String id, String uscc, String unitName, String region, List<ListedPerson> persons,
    TriggerView trigger, String caseId, String grounds, String legalBasis, boolean proposedAutomatically,
    OffsetDateTime proposedAt, String state, List<String> allowedSteps, NoticeView notice, ObjectionView objection,
    DecisionView decision, PublicationView publication, boolean listedNow, List<PeriodView> inForce,
    RemovalView removal, LocalDate repairEligibleFrom, List<RepairView> repairs, List<ReminderView> reminders,
    List<StepView> history) {

  public record TriggerView(String code, int number, String description) {}

  public record NoticeView(OffsetDateTime servedAt, LocalDate objectionLastDay) {}

  public record ObjectionView(OffsetDateTime receivedAt, String statement) {}

  public record DecisionView(boolean list, String reason, String objectionReview, String decidingAuthority,
      OffsetDateTime decidedAt, String supervisor, LocalDate startDate, LocalDate endDate, LocalDate publicationDue) {}

  public record PublicationView(OffsetDateTime publishedAt, String by, boolean late) {}

  public record PeriodView(OffsetDateTime from, OffsetDateTime until) {}

  public record RemovalView(String reason, OffsetDateTime at, String note) {}

  public record RepairView(String id, String state, OffsetDateTime appliedAt, String appliedBy, String correction,
      String commitment, String training, OffsetDateTime decidedAt, String decidedBy, String decisionReason) {}

  public record ReminderView(String kind, OffsetDateTime at) {}

  public record StepView(String step, OffsetDateTime at, String by) {}

  static ListingView of(Listing l, ListingRules rules, Instant now) {
    ZoneId zone = rules.zone();
    var d = l.decision();
    return new ListingView(l.id(), l.uscc(), l.unitName(), l.region(), l.persons(),
        new TriggerView(l.proposal().trigger().name(), l.proposal().trigger().number(),
            l.proposal().trigger().description()),
        l.proposal().caseId(), l.proposal().grounds(), l.proposal().legalBasis(), l.proposal().automatic(),
        at(l.proposal().proposedAt(), zone), l.state().name(), l.allowedSteps().stream().map(ListingStep::path)
            .toList(),
        l.notice() == null ? null : new NoticeView(at(l.notice().servedAt(), zone), l.notice().objectionLastDay()),
        l.objection() == null ? null : new ObjectionView(at(l.objection().receivedAt(), zone),
            l.objection().statement()),
        d == null ? null : new DecisionView(d.list(), d.reason(), d.objectionReview(), d.decidingAuthority(),
            at(d.decidedAt(), zone), d.supervisor(), d.startDate(), d.endDate(), d.publicationDue()),
        l.publication() == null ? null : new PublicationView(at(l.publication().publishedAt(), zone),
            l.publication().by(), l.publication().late()),
        l.listedAt(now), l.periods().stream().map(p -> period(p, zone)).toList(),
        l.removal() == null ? null : new RemovalView(l.removal().reason().name(), at(l.removal().at(), zone),
            l.removal().note()),
        l.repairEligibleFrom(rules), l.repairs().stream().map(r -> repair(r, zone)).toList(),
        l.reminders().stream().map(r -> new ReminderView(r.kind().name(), at(r.at(), zone))).toList(),
        l.history().stream().map(s -> new StepView(s.step(), at(s.at(), zone), s.by())).toList());
  }

  private static PeriodView period(InForce p, ZoneId zone) {
    return new PeriodView(at(p.from(), zone), at(p.until(), zone));
  }

  private static RepairView repair(RepairApplication r, ZoneId zone) {
    return new RepairView(r.id(), r.state().name(), at(r.appliedAt(), zone), r.appliedBy(), r.correction(),
        r.commitment(), r.training(), at(r.decidedAt(), zone), r.decidedBy(), r.decisionReason());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
