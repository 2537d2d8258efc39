package cn.worksafety.enforcement.penaltycase.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.PastFacts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An administrative-penalty case (行政处罚案件) and the rules of its lifecycle. Immutable: each step
 * returns the case as it now stands, one version on.
 */
public record PenaltyCase(
    String id,
    String uscc,
    String region,
    String title,
    List<String> officers,
    CaseState state,
    Instant filedAt,
    LocalDate decisionDue,
    Notice notice,
    String defenceStatement,
    Decision decision,
    Service service,
    Execution execution,
    String outcome,
    List<StepRecord> history,
    long version) {

  /** Which steps each state allows next. */
  private static final Map<CaseState, Set<CaseStep>> NEXT = Map.of(
      CaseState.FILED, EnumSet.of(CaseStep.INVESTIGATION),
      CaseState.INVESTIGATING, EnumSet.of(CaseStep.NOTICE),
      CaseState.NOTIFIED, EnumSet.of(CaseStep.DEFENCE, CaseStep.DECISION),
      CaseState.DECIDED, EnumSet.of(CaseStep.APPROVAL),
      CaseState.APPROVED, EnumSet.of(CaseStep.SERVICE, CaseStep.REVOCATION),
      CaseState.SERVED, EnumSet.of(CaseStep.EXECUTION, CaseStep.REVOCATION),
      CaseState.EXECUTED, EnumSet.of(CaseStep.CLOSURE, CaseStep.REVOCATION),
      CaseState.CLOSED, EnumSet.of(CaseStep.REVOCATION),
      CaseState.REVOKED, EnumSet.noneOf(CaseStep.class));

  static final int MIN_OFFICERS = 2;

  public static PenaltyCase file(String id, String uscc, String region, String title, List<String> officers,
      String by, Instant now, CaseRules rules) {
    Set<String> distinct = new LinkedHashSet<>(officers);
    if (distinct.size() < MIN_OFFICERS) {
      throw DomainException.invalid("officers",
          "a case needs at least " + MIN_OFFICERS + " different certified officers (行政处罚法 第四十二条)");
    }
    LocalDate due = now.atZone(rules.zone()).toLocalDate().plusDays(rules.decisionDeadlineDays());
    return new PenaltyCase(id, uscc, region, title.strip(), List.copyOf(distinct), CaseState.FILED, now, due,
        null, null, null, null, null, null, List.of(new StepRecord("filing", now, by)), 1);
  }

  /** The case against its decision deadline on {@code today}. */
  public DeadlineStatus deadlineStatus(LocalDate today, CaseRules rules) {
    if (decision != null) {
      LocalDate decidedOn = decision.decidedAt().atZone(rules.zone()).toLocalDate();
      return decidedOn.isAfter(decisionDue) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
    }
    if (today.isAfter(decisionDue)) {
      return DeadlineStatus.OVERDUE;
    }
    return today.isAfter(decisionDue.minusDays(rules.deadlineWarningDays())) ? DeadlineStatus.DUE_SOON
        : DeadlineStatus.ON_TRACK;
  }

  /**
   * The last day by which the decision in force must be public (双公示, Art. 48); null before approval.
   * {@code enforcement.case.decided} goes out at approval, well inside it.
   */
  public LocalDate publicationDue(CaseRules rules) {
    if (decision == null || decision.approval() == null) {
      return null;
    }
    return rules.calendar().addWorkingDays(decision.approval().approvedAt().atZone(rules.zone()).toLocalDate(),
        rules.publicationWorkingDays());
  }

  /** The last day by which a revoked decision must be withdrawn from publication; null unless revoked. */
  public LocalDate withdrawalDue(CaseRules rules) {
    if (state != CaseState.REVOKED) {
      return null;
    }
    Instant revokedAt = history.get(history.size() - 1).at();
    return rules.calendar().addWorkingDays(revokedAt.atZone(rules.zone()).toLocalDate(),
        rules.withdrawalWorkingDays());
  }

  /** The states in which a decision is still awaited. */
  public static final Set<CaseState> AWAITING_DECISION =
      EnumSet.of(CaseState.FILED, CaseState.INVESTIGATING, CaseState.NOTIFIED);

  public Set<CaseStep> allowedSteps() {
    return NEXT.get(state);
  }

  public PenaltyCase investigate(String by, Instant now) {
    require(CaseStep.INVESTIGATION);
    return next(CaseState.INVESTIGATING, notice, defenceStatement, decision, CaseStep.INVESTIGATION, by, now);
  }

  public PenaltyCase notifyParty(List<Penalty> proposed, boolean defenceWaived, String by, Instant now,
      CaseRules rules) {
    require(CaseStep.NOTICE);
    if (proposed.isEmpty()) {
      throw DomainException.invalid("proposedPenalties", "a notice proposes at least one penalty");
    }
    LocalDate lastDay = rules.calendar()
        .addWorkingDays(now.atZone(rules.zone()).toLocalDate(), rules.defenceWindowWorkingDays());
    Notice sent = new Notice(List.copyOf(proposed), defenceWaived, now, lastDay, null);
    return next(CaseState.NOTIFIED, sent, defenceStatement, decision, CaseStep.NOTICE, by, now);
  }

  /**
   * 陈述申辩 / 听证: records the party's statement, its request for a hearing, or the hearing held. A
   * hearing may be asked for only within the window after notice, and only when a serious penalty is
   * proposed (Art. 63, 64); once asked for, no decision until it was held.
   */
  public PenaltyCase recordDefence(String statement, boolean hearingRequested, Instant hearingHeldAt,
      String hearingRecord, String by, Instant now, CaseRules rules) {
    require(CaseStep.DEFENCE);
    Hearing hearing = notice.hearing();
    if (hearingRequested) {
      hearing = requestHearing(now, rules);
    }
    if (hearingHeldAt != null) {
      if (hearing == null) {
        throw new DomainException(ProblemKind.RULE_VIOLATION, "no-hearing-requested",
            "the party did not ask for a hearing, so none can be recorded as held");
      }
      if (PastFacts.inFuture(hearingHeldAt, now) || PastFacts.before(hearingHeldAt, hearing.requestedAt())) {
        throw DomainException.invalid("hearing.heldAt", "must lie between the request (" + hearing.requestedAt()
            + ") and now");
      }
      hearing = new Hearing(hearing.requestedAt(), hearingHeldAt, hearingRecord.strip());
    }
    String defence = statement == null ? defenceStatement : statement.strip();
    return next(state, notice.withHearing(hearing), defence, decision, CaseStep.DEFENCE, by, now);
  }

  private Hearing requestHearing(Instant now, CaseRules rules) {
    if (notice.hearing() != null) {
      throw new DomainException(ProblemKind.CONFLICT, "hearing-already-requested",
          "the party asked for a hearing on " + notice.hearing().requestedAt());
    }
    if (notice.defenceWaived()) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "defence-waived",
          "the party waived its right to a defence and a hearing when notified");
    }
    if (notice.proposedPenalties().stream().noneMatch(p -> p.isSerious(rules.collectiveReviewFineFrom()))) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "no-hearing-right",
          "a hearing may be asked for only when a serious penalty is proposed (行政处罚法 第六十三条): a fine or "
              + "confiscation from " + rules.collectiveReviewFineFrom().toPlainString()
              + " CNY, a suspension, a licence measure or closure");
    }
    LocalDate today = now.atZone(rules.zone()).toLocalDate();
    if (today.isAfter(notice.defenceWindowLastDay())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "hearing-request-late",
          "a hearing had to be asked for by " + notice.defenceWindowLastDay() + " (行政处罚法 第六十四条)")
          .with("lastDay", notice.defenceWindowLastDay().toString());
    }
    return new Hearing(now, null, null);
  }

  /**
   * Records the decision. Not before the party was notified and its defence window closed, unless it
   * waived it (Art. 44, 45, 62); never heavier than the notice proposed (Art. 45). It takes effect
   * only when a supervisor approves it.
   */
  public PenaltyCase decide(List<String> violationCodes, List<Penalty> penalties, String legalBasis, String by,
      Instant now, CaseRules rules) {
    require(CaseStep.DECISION);
    LocalDate today = now.atZone(rules.zone()).toLocalDate();
    if (!notice.defenceWaived() && !today.isAfter(notice.defenceWindowLastDay())) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "defence-window-open",
          "the party may state a defence until " + notice.defenceWindowLastDay()
              + "; decide after that day, or record that the party waived it")
          .with("defenceWindowLastDay", notice.defenceWindowLastDay().toString());
    }
    if (notice.hearing() != null && notice.hearing().pending()) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "hearing-pending",
          "the party asked for a hearing on " + notice.hearing().requestedAt()
              + "; record the hearing held before deciding");
    }
    if (penalties.isEmpty()) {
      throw DomainException.invalid("penalties", "a decision imposes at least one penalty");
    }
    List<Violation> cited = rules.violations().cited(violationCodes);
    for (Penalty penalty : penalties) {
      boolean covered = notice.proposedPenalties().stream().anyMatch(penalty::noHeavierThan);
      if (!covered) {
        throw new DomainException(ProblemKind.RULE_VIOLATION, "heavier-than-notice",
            "the decision may not be heavier than the notice proposed (行政处罚法 第四十五条): " + penalty.kind()
                + " exceeds or is missing from the proposal");
      }
    }
    rules.violations().checkWithin(cited, penalties);
    String basis = legalBasis == null || legalBasis.isBlank() ? ViolationCatalogue.legalBasisOf(cited)
        : legalBasis.strip();
    Decision made = new Decision(cited.stream().map(Violation::code).toList(), List.copyOf(penalties), basis, now,
        null);
    return next(CaseState.DECIDED, notice, defenceStatement, made, CaseStep.DECISION, by, now);
  }

  /**
   * The supervisor approves the decision, which puts it in force and announces it. A serious penalty
   * needs the leadership's collective review first (Art. 57).
   */
  public Changed approve(String supervisor, String collectiveReviewRef, Instant now, CaseRules rules) {
    require(CaseStep.APPROVAL);
    boolean reviewed = collectiveReviewRef != null && !collectiveReviewRef.isBlank();
    if (decision.needsCollectiveReview(rules) && !reviewed) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "collective-review-required",
          "this decision imposes a serious penalty and needs the leadership's collective review (集体讨论, "
              + "行政处罚法 第五十七条) before approval: give collectiveReviewRef");
    }
    Decision approved = decision.approved(new Approval(supervisor, now, reviewed ? collectiveReviewRef.strip() : null));
    PenaltyCase inForce = next(CaseState.APPROVED, notice, defenceStatement, approved, CaseStep.APPROVAL, supervisor,
        now);
    return new Changed(inForce, new CaseDecidedEvent(id, uscc, region, approved.violationCodes(),
        approved.penalties(), now, approved.legalBasis()));
  }

  /** 送达: records how and when the decision reached the party; not in the future, not before approval. */
  public PenaltyCase serve(Instant servedAt, String method, String by, Instant now, CaseRules rules) {
    require(CaseStep.SERVICE);
    Instant approvedAt = decision.approval().approvedAt();
    if (PastFacts.inFuture(servedAt, now) || PastFacts.before(servedAt, approvedAt)) {
      throw DomainException.invalid("servedAt", "must lie between the approval (" + approvedAt + ") and now");
    }
    LocalDate dueBy = approvedAt.atZone(rules.zone()).toLocalDate().plusDays(Service.DAYS_TO_SERVE);
    Service served = new Service(servedAt, method.strip(), dueBy);
    return next(CaseState.SERVED, served, execution, outcome, CaseStep.SERVICE, by, now);
  }

  /**
   * 执行: records that the decision was carried out. A fine must be paid in full with its late
   * surcharge (3 % a day after the 15 days, at most the fine); anything less is refused with the
   * amount due.
   */
  public PenaltyCase execute(Instant executedAt, BigDecimal amountPaid, String by, Instant now, CaseRules rules) {
    require(CaseStep.EXECUTION);
    if (PastFacts.inFuture(executedAt, now) || PastFacts.before(executedAt, service.servedAt())) {
      throw DomainException.invalid("executedAt", "must lie between the service and now");
    }
    BigDecimal fine = decision.penalties().stream().filter(p -> p.kind() == PenaltyKind.FINE)
        .map(Penalty::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal surcharge = BigDecimal.ZERO;
    if (fine.signum() > 0) {
      LocalDate servedOn = service.servedAt().atZone(rules.zone()).toLocalDate();
      surcharge = FinePayment.surcharge(fine, servedOn, executedAt.atZone(rules.zone()).toLocalDate());
      BigDecimal due = fine.add(surcharge);
      if (amountPaid == null || amountPaid.compareTo(due) < 0) {
        throw new DomainException(ProblemKind.RULE_VIOLATION, "amount-due",
            "the amount due is " + due.toPlainString() + " CNY (fine " + fine.toPlainString() + " + late surcharge "
                + surcharge.toPlainString() + ", payment was due by " + FinePayment.dueDate(servedOn) + ")")
            .with("amountDue", due.toPlainString()).with("surcharge", surcharge.toPlainString());
      }
    } else if (amountPaid != null && amountPaid.signum() != 0) {
      throw DomainException.invalid("amountPaid", "this decision imposes no fine");
    }
    Execution done = new Execution(executedAt, amountPaid, surcharge);
    return next(CaseState.EXECUTED, service, done, outcome, CaseStep.EXECUTION, by, now);
  }

  /** 结案: closes a case whose decision was carried out, and announces it. */
  public Changed close(String reason, String by, Instant now) {
    require(CaseStep.CLOSURE);
    PenaltyCase closed = next(CaseState.CLOSED, service, execution, reason.strip(), CaseStep.CLOSURE, by, now);
    return new Changed(closed, new CaseClosedEvent(id, uscc, now, closed.outcome()));
  }

  /** 撤销: a decision revoked on reconsideration or by a court no longer counts, and that is announced. */
  public Changed revoke(String reason, String by, Instant now) {
    require(CaseStep.REVOCATION);
    PenaltyCase revoked = next(CaseState.REVOKED, service, execution, reason.strip(), CaseStep.REVOCATION, by, now);
    return new Changed(revoked, new CaseRevokedEvent(id, uscc, now, revoked.outcome()));
  }

  /** A case as it now stands and the event that announces the change. */
  public record Changed(PenaltyCase penaltyCase, CaseEvent event) {}

  private void require(CaseStep step) {
    if (!allowedSteps().contains(step)) {
      throw new DomainException(ProblemKind.CONFLICT, "step-not-allowed",
          "step '" + step.path() + "' is not allowed while the case is " + state)
          .with("state", state.name())
          .with("allowed", allowedSteps().stream().map(CaseStep::path).toList());
    }
  }

  private PenaltyCase next(CaseState to, Notice notice, String defence, Decision decision, CaseStep step, String by,
      Instant now) {
    return next(to, notice, defence, decision, service, execution, outcome, step, by, now);
  }

  private PenaltyCase next(CaseState to, Service service, Execution execution, String outcome, CaseStep step,
      String by, Instant now) {
    return next(to, notice, defenceStatement, decision, service, execution, outcome, step, by, now);
  }

  private PenaltyCase next(CaseState to, Notice notice, String defence, Decision decision, Service service,
      Execution execution, String outcome, CaseStep step, String by, Instant now) {
    List<StepRecord> log = new ArrayList<>(history);
    log.add(new StepRecord(step.path(), now, by));
    return new PenaltyCase(id, uscc, region, title, officers, to, filedAt, decisionDue, notice, defence, decision,
        service, execution, outcome, List.copyOf(log), version + 1);
  }
}
