package cn.worksafety.credit.blacklist.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.PastFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One case of the serious-dishonesty list (严重失信主体名单): from the proposal through notice,
 * objection, the supervisor's decision and publication, then its 3-year term, repair, expiry or
 * restoration. Immutable: each step returns the listing as it now stands, one version on, with the
 * event to announce, if any. Who decides lists, removes and repairs (谁处罚、谁决定、谁负责): the
 * authority of {@code region}.
 *
 * @param periods when it stood on the published list; "listed at a moment" is derived from them
 */
public record Listing(
    String id,
    String uscc,
    String unitName,
    String region,
    List<ListedPerson> persons,
    Proposal proposal,
    ListingState state,
    Notice notice,
    Objection objection,
    ListingDecision decision,
    Publication publication,
    List<InForce> periods,
    Removal removal,
    List<RepairApplication> repairs,
    List<Reminder> reminders,
    List<StepRecord> history,
    long version) {

  private static final Map<ListingState, Set<ListingStep>> NEXT = Map.of(
      ListingState.PROPOSED, EnumSet.of(ListingStep.NOTICE),
      ListingState.NOTIFIED, EnumSet.of(ListingStep.OBJECTION, ListingStep.DECISION),
      ListingState.DECIDED, EnumSet.of(ListingStep.PUBLICATION),
      ListingState.LISTED, EnumSet.noneOf(ListingStep.class),
      ListingState.NOT_LISTED, EnumSet.noneOf(ListingStep.class),
      ListingState.WITHDRAWN, EnumSet.noneOf(ListingStep.class),
      ListingState.REMOVED, EnumSet.noneOf(ListingStep.class));

  public Listing {
    persons = List.copyOf(persons);
    periods = List.copyOf(periods);
    repairs = List.copyOf(repairs);
    reminders = List.copyOf(reminders);
    history = List.copyOf(history);
  }

  public static Listing propose(String id, String uscc, String unitName, String region, List<ListedPerson> persons,
      Proposal proposal) {
    return new Listing(id, uscc, unitName, region, persons, proposal, ListingState.PROPOSED, null, null, null, null,
        List.of(), null, List.of(), List.of(), List.of(new StepRecord("proposal", proposal.proposedAt(),
            proposal.proposedBy())), 1);
  }

  public Set<ListingStep> allowedSteps() {
    return NEXT.get(state);
  }

  public boolean listedAt(Instant at) {
    return periods.stream().anyMatch(p -> p.covers(at));
  }

  /** The first day credit repair may be applied for; null before the entry is decided. */
  public LocalDate repairEligibleFrom(ListingRules rules) {
    return decision == null || !decision.list() ? null : decision.startDate().plusMonths(rules.repairAfterMonths());
  }

  /**
   * 告知: the written notice, served now or earlier (the procedure may have started on paper before
   * the system saw the decision, but not before the decision itself); the objection window runs from
   * the day it was served.
   */
  public Listing notifyParty(Instant servedAt, List<ListedPerson> morePersons, String by, Instant now,
      ListingRules rules) {
    require(ListingStep.NOTICE);
    if (PastFacts.inFuture(servedAt, now) || PastFacts.before(servedAt, proposal.caseDecidedAt())) {
      throw DomainException.invalid("servedAt", "must lie between the penalty decision (" + proposal.caseDecidedAt()
          + ") and now");
    }
    LocalDate lastDay = rules.calendar().addWorkingDays(rules.day(servedAt), rules.objectionWorkingDays());
    List<ListedPerson> named = new ArrayList<>(persons);
    morePersons.stream().filter(p -> !named.contains(p)).forEach(named::add);
    return next(ListingState.NOTIFIED, l -> l.naming(named).with(new Notice(servedAt, lastDay), objection, decision,
        publication), "notice", by, now);
  }

  /** 异议: the party's objection, received no later than the last day of the window. */
  public Listing object(Instant receivedAt, String statement, String by, Instant now, ListingRules rules) {
    require(ListingStep.OBJECTION);
    if (objection != null) {
      throw new DomainException(ProblemKind.CONFLICT, "objection-already-recorded",
          "the party's objection was recorded on " + objection.receivedAt());
    }
    if (PastFacts.inFuture(receivedAt, now) || PastFacts.before(receivedAt, notice.servedAt())) {
      throw DomainException.invalid("receivedAt", "must lie between the notice (" + notice.servedAt() + ") and now");
    }
    if (rules.day(receivedAt).isAfter(notice.objectionLastDay())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "objection-late",
          "an objection had to reach the authority by " + notice.objectionLastDay())
          .with("objectionLastDay", notice.objectionLastDay().toString());
    }
    Objection received = new Objection(receivedAt, statement.strip());
    return next(state, l -> l.with(notice, received, decision, publication), "objection", by, now);
  }

  /**
   * 决定: the supervisor of the deciding authority lists or not, once the objection window has closed;
   * an objection must have been reviewed. Listing starts the 3-year term on the day of the decision.
   */
  public Listing decide(boolean list, String reason, String objectionReview, String decidingAuthority,
      Instant decidedAt, String supervisor, Instant now, ListingRules rules) {
    require(ListingStep.DECISION);
    if (PastFacts.inFuture(decidedAt, now) || PastFacts.before(decidedAt, notice.servedAt())) {
      throw DomainException.invalid("decidedAt", "must lie between the notice (" + notice.servedAt() + ") and now");
    }
    LocalDate decidedOn = rules.day(decidedAt);
    if (!decidedOn.isAfter(notice.objectionLastDay())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "objection-window-open",
          "the party may object until " + notice.objectionLastDay() + "; decide after that day")
          .with("objectionLastDay", notice.objectionLastDay().toString());
    }
    if (objection != null && (objectionReview == null || objectionReview.isBlank())) {
      throw DomainException.invalid("objectionReview", "the party objected on " + objection.receivedAt()
          + ": say how the objection was reviewed (复核) before deciding");
    }
    LocalDate end = decidedOn.plusYears(rules.termYears()).minusDays(1);
    LocalDate due = rules.calendar().addWorkingDays(decidedOn, rules.publicationWorkingDays());
    ListingDecision made = new ListingDecision(list, reason.strip(), objectionReview == null ? null
        : objectionReview.strip(), decidingAuthority.strip(), decidedAt, supervisor, list ? decidedOn : null,
        list ? end : null, list ? due : null);
    return next(list ? ListingState.DECIDED : ListingState.NOT_LISTED,
        l -> l.with(notice, objection, made, publication), "decision", supervisor, now);
  }

  /** 公示: publication puts the entry in force until the end of its term. */
  public Changed publish(String by, Instant now, ListingRules rules) {
    require(ListingStep.PUBLICATION);
    LocalDate today = rules.day(now);
    if (today.isAfter(decision.endDate())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "term-ended",
          "the term decided ended on " + decision.endDate() + "; there is nothing left to publish")
          .with("endDate", decision.endDate().toString());
    }
    Publication published = new Publication(now, by, today.isAfter(decision.publicationDue()));
    Listing inForce = next(ListingState.LISTED, l -> l.with(notice, objection, decision, published)
        .withPeriods(append(periods, new InForce(now, null)), null), "publication", by, now);
    return new Changed(inForce, Optional.of(new ListingEvent.Entered(now)));
  }

  /**
   * The term has ended: off the list from the first moment after its last day, whenever the job that
   * notices it runs. Unchanged before then, or when not listed.
   */
  public Changed expireIfDue(Instant now, ListingRules rules) {
    if (state != ListingState.LISTED || !rules.day(now).isAfter(decision.endDate())) {
      return unchanged();
    }
    Instant ended = rules.startOf(decision.endDate().plusDays(1));
    return removed(RemovalReason.EXPIRED, ended, "管理期限届满", "expiry", "system", now);
  }

  /**
   * The penalty decision behind the listing was revoked: a procedure still running is withdrawn; an
   * entry in force is removed. Nothing else changes.
   */
  public Changed revokeDecision(Instant revokedAt, String reason, Instant now) {
    return switch (state) {
      case PROPOSED, NOTIFIED, DECIDED -> new Changed(
          next(ListingState.WITHDRAWN, l -> l, "withdrawal: " + reason, "system", now), Optional.empty());
      case LISTED -> removed(RemovalReason.REVOKED, revokedAt, "处罚决定撤销: " + reason, "revocation", "system", now);
      default -> unchanged();
    };
  }

  /**
   * The enterprise now goes by {@code name}: the listing follows, and an entry in force announces it.
   * Unchanged when the name is the same or the listing is over.
   */
  public Changed renamed(String name, Instant now) {
    boolean over = state == ListingState.REMOVED || state == ListingState.NOT_LISTED
        || state == ListingState.WITHDRAWN;
    if (name == null || name.equals(unitName) || over) {
      return unchanged();
    }
    Listing renamed = next(state, l -> l.named(name), "rename", "system", now);
    return new Changed(renamed, state == ListingState.LISTED ? Optional.of(new ListingEvent.Renamed(name, now))
        : Optional.empty());
  }

  /** 信用修复: an application, from 12 months after the decision on, while no other one is pending. */
  public Listing applyForRepair(String correction, String commitment, String training, String by, Instant now,
      ListingRules rules) {
    if (state != ListingState.LISTED) {
      throw new DomainException(ProblemKind.CONFLICT, "not-listed",
          "only an entry in force can be repaired; this one is " + state).with("state", state.name());
    }
    LocalDate earliest = repairEligibleFrom(rules);
    if (rules.day(now).isBefore(earliest)) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "repair-too-early",
          "credit repair may be applied for once listed " + rules.repairAfterMonths() + " months, from " + earliest)
          .with("earliestDate", earliest.toString());
    }
    pending().ifPresent(p -> {
      throw new DomainException(ProblemKind.CONFLICT, "repair-pending",
          "repair application " + p.id() + " of " + p.appliedAt() + " is still being reviewed")
          .with("repair", p.id());
    });
    RepairApplication application = new RepairApplication("R" + (repairs.size() + 1), now, by, correction.strip(),
        commitment.strip(), training.strip(), RepairApplication.State.PENDING, null, null, null);
    return next(state, l -> l.withRepairs(append(repairs, application)), "repair-application", by, now);
  }

  /**
   * Approves a pending repair: checks the condition credit can see for itself (the penalty was
   * carried out), then takes the entry off the list.
   */
  public Changed approveRepair(String repairId, boolean penaltyCarriedOut, String reason, String by, Instant now) {
    RepairApplication application = pendingRepair(repairId);
    if (!penaltyCarriedOut) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "repair-conditions-unmet",
          "the penalty decision " + proposal.caseId() + " has not been carried out (no case closure from "
              + "enforcement yet); credit repair needs the penalty carried out")
          .with("unmet", List.of("penaltyCarriedOut"));
    }
    Listing approved = withRepair(application.decided(RepairApplication.State.APPROVED, now, by, reason));
    return approved.removed(RemovalReason.REPAIRED, now, "信用修复: " + reason, "repair-approval", by, now);
  }

  public Listing rejectRepair(String repairId, String reason, String by, Instant now) {
    RepairApplication application = pendingRepair(repairId);
    Listing rejected = withRepair(application.decided(RepairApplication.State.REJECTED, now, by, reason.strip()));
    return rejected.next(state, l -> l, "repair-rejection", by, now);
  }

  /**
   * A repair found fraudulent: the approval is revoked and the entry is listed again until its
   * original end date.
   */
  public Changed restore(String reason, String by, Instant now, ListingRules rules) {
    if (state != ListingState.REMOVED || removal.reason() != RemovalReason.REPAIRED) {
      throw new DomainException(ProblemKind.CONFLICT, "not-repaired",
          "only an entry removed by credit repair can be restored; this one is " + state
              + (removal == null ? "" : " (" + removal.reason() + ")")).with("state", state.name());
    }
    if (rules.day(now).isAfter(decision.endDate())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "term-ended",
          "the original term ended on " + decision.endDate() + "; there is nothing left to restore")
          .with("endDate", decision.endDate().toString());
    }
    RepairApplication approved = repairs.stream().filter(r -> r.state() == RepairApplication.State.APPROVED)
        .reduce((a, b) -> b).orElseThrow();
    Listing restored = withRepair(approved.decided(RepairApplication.State.REVOKED, now, by, reason.strip()))
        .next(ListingState.LISTED, l -> l.withPeriods(append(periods, new InForce(now, null)), null),
            "restoration", by, now);
    return new Changed(restored, Optional.of(new ListingEvent.Restored(reason.strip(), decision.endDate(), now)));
  }

  /**
   * The reminders now due and not given yet: a decision once the objection window has closed; a
   * publication shortly before and after its deadline. Unchanged when none is due.
   */
  public Listing remind(Instant now, ListingRules rules) {
    LocalDate today = rules.day(now);
    List<Reminder.Kind> due = new ArrayList<>();
    if (state == ListingState.NOTIFIED && today.isAfter(notice.objectionLastDay())) {
      due.add(Reminder.Kind.DECISION_DUE);
    }
    if (state == ListingState.DECIDED) {
      LocalDate soon = rules.calendar().addWorkingDays(today, rules.reminderWorkingDays());
      if (!soon.isBefore(decision.publicationDue())) {
        due.add(Reminder.Kind.PUBLICATION_DUE_SOON);
      }
      if (today.isAfter(decision.publicationDue())) {
        due.add(Reminder.Kind.PUBLICATION_OVERDUE);
      }
    }
    List<Reminder> more = new ArrayList<>(reminders);
    due.stream().filter(kind -> reminders.stream().noneMatch(r -> r.kind() == kind))
        .forEach(kind -> more.add(new Reminder(kind, now)));
    if (more.size() == reminders.size()) {
      return this;
    }
    return new Listing(id, uscc, unitName, region, persons, proposal, state, notice, objection, decision, publication,
        periods, removal, repairs, more, history, version + 1);
  }

  public Optional<RepairApplication> pending() {
    return repairs.stream().filter(r -> r.state() == RepairApplication.State.PENDING).findFirst();
  }

  private RepairApplication pendingRepair(String repairId) {
    RepairApplication application = repairs.stream().filter(r -> r.id().equals(repairId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("repair application", repairId));
    if (application.state() != RepairApplication.State.PENDING) {
      throw new DomainException(ProblemKind.CONFLICT, "repair-not-pending",
          "repair application " + repairId + " was already " + application.state())
          .with("state", application.state().name());
    }
    if (state != ListingState.LISTED) {
      throw new DomainException(ProblemKind.CONFLICT, "not-listed",
          "the entry is no longer in force (" + state + ")").with("state", state.name());
    }
    return application;
  }

  private Changed removed(RemovalReason reason, Instant at, String note, String step, String by, Instant now) {
    List<InForce> closed = periods.stream().map(p -> p.until() == null ? p.endedAt(at) : p).toList();
    Listing off = next(ListingState.REMOVED, l -> l.withPeriods(closed, new Removal(reason, at, note)), step, by, now);
    return new Changed(off, Optional.of(new ListingEvent.Removed(reason, at)));
  }

  private Changed unchanged() {
    return new Changed(this, Optional.empty());
  }

  private void require(ListingStep step) {
    if (!allowedSteps().contains(step)) {
      throw new DomainException(ProblemKind.CONFLICT, "step-not-allowed",
          "step '" + step.path() + "' is not allowed while the listing is " + state)
          .with("state", state.name())
          .with("allowed", allowedSteps().stream().map(ListingStep::path).toList());
    }
  }

  private Listing next(ListingState to, UnaryOperator<Listing> change, String step, String by, Instant now) {
    Listing changed = change.apply(this);
    List<StepRecord> log = append(history, new StepRecord(step, now, by));
    return new Listing(id, uscc, changed.unitName, region, changed.persons, proposal, to, changed.notice,
        changed.objection, changed.decision, changed.publication, changed.periods, changed.removal, changed.repairs,
        changed.reminders, log, version + 1);
  }

  private Listing naming(List<ListedPerson> named) {
    return new Listing(id, uscc, unitName, region, named, proposal, state, notice, objection, decision, publication,
        periods, removal, repairs, reminders, history, version);
  }

  private Listing named(String name) {
    return new Listing(id, uscc, name, region, persons, proposal, state, notice, objection, decision, publication,
        periods, removal, repairs, reminders, history, version);
  }

  private Listing with(Notice n, Objection o, ListingDecision d, Publication p) {
    return new Listing(id, uscc, unitName, region, persons, proposal, state, n, o, d, p, periods, removal, repairs,
        reminders, history, version);
  }

  private Listing withPeriods(List<InForce> p, Removal r) {
    return new Listing(id, uscc, unitName, region, persons, proposal, state, notice, objection, decision, publication,
        p, r, repairs, reminders, history, version);
  }

  private Listing withRepairs(List<RepairApplication> r) {
    return new Listing(id, uscc, unitName, region, persons, proposal, state, notice, objection, decision, publication,
        periods, removal, r, reminders, history, version);
  }

  private Listing withRepair(RepairApplication changed) {
    return withRepairs(repairs.stream().map(r -> r.id().equals(changed.id()) ? changed : r).toList());
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> longer = new ArrayList<>(list);
    longer.add(item);
    return longer;
  }

  /** A listing as it now stands and what it announces, if anything. */
  public record Changed(Listing listing, Optional<ListingEvent> event) {}
}
