package cn.worksafety.enforcement.penaltycase.application;

import cn.worksafety.enforcement.enterprise.application.EnterpriseService;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.penaltycase.model.CaseEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseRules;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.DeadlineStatus;
import cn.worksafety.enforcement.penaltycase.model.Penalty;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Filing penalty cases and moving them through their lifecycle, inside the caller's region. */
@Service
public class CaseService {
  private final Cases cases;
  private final EnterpriseService enterprises;
  private final CaseRules rules;
  private final Clock clock;

  public CaseService(Cases cases, EnterpriseService enterprises, CaseRules rules, Clock clock) {
    this.cases = cases;
    this.enterprises = enterprises;
    this.rules = rules;
    this.clock = clock;
  }

  public PenaltyCase file(Caller officer, String uscc, String title, List<String> officers) {
    Enterprise enterprise = enterprises.get(officer, uscc);
    PenaltyCase filed = PenaltyCase.file(UUID.randomUUID().toString(), enterprise.uscc(), enterprise.region(),
        title, officers, officer.subject(), clock.instant(), rules);
    cases.add(filed);
    return filed;
  }

  public PenaltyCase get(Caller caller, String id) {
    return cases.find(id).filter(c -> caller.covers(c.region()))
        .orElseThrow(() -> DomainException.notFound("case", id));
  }

  /** Who changed the case, when, from which request, and what changed, oldest first. */
  public List<AuditEntry> history(Caller caller, String id) {
    get(caller, id);
    return cases.history(id);
  }

  public PageView<PenaltyCase> list(Caller caller, CaseState state, boolean overdueOnly, DayRange filed, int offset,
      int limit) {
    return cases.list(caller.regionScope(), state, overdueOnly ? today() : null, filed, offset, limit);
  }

  /** Where the case stands against its decision deadline today, and its publication deadlines. */
  public Deadlines deadlines(PenaltyCase c) {
    return new Deadlines(c.deadlineStatus(today(), rules), c.publicationDue(rules), c.withdrawalDue(rules));
  }

  public record Deadlines(DeadlineStatus decision, java.time.LocalDate publication, java.time.LocalDate withdrawal) {}

  private java.time.LocalDate today() {
    return java.time.LocalDate.now(clock);
  }

  public PenaltyCase investigate(Caller officer, String id, String ifMatch) {
    return change(officer, id, ifMatch, c -> c.investigate(officer.subject(), clock.instant()));
  }

  public PenaltyCase notifyParty(Caller officer, String id, String ifMatch, List<Penalty> proposed, boolean waived) {
    return change(officer, id, ifMatch,
        c -> c.notifyParty(proposed, waived, officer.subject(), clock.instant(), rules));
  }

  public PenaltyCase recordDefence(Caller officer, String id, String ifMatch, String statement,
      boolean hearingRequested, Instant hearingHeldAt, String hearingRecord) {
    return change(officer, id, ifMatch, c -> c.recordDefence(statement, hearingRequested, hearingHeldAt,
        hearingRecord, officer.subject(), clock.instant(), rules));
  }

  public PenaltyCase decide(Caller officer, String id, String ifMatch, List<String> violationCodes,
      List<Penalty> penalties, String legalBasis) {
    return change(officer, id, ifMatch,
        c -> c.decide(violationCodes, penalties, legalBasis, officer.subject(), clock.instant(), rules));
  }

  public PenaltyCase approve(Caller supervisor, String id, String ifMatch, String collectiveReviewRef) {
    PenaltyCase current = current(supervisor, id, ifMatch);
    PenaltyCase.Changed approved = current.approve(supervisor.subject(), collectiveReviewRef, clock.instant(), rules);
    return store(current, approved.penaltyCase(), List.of(approved.event()), ifMatch);
  }

  public PenaltyCase serve(Caller officer, String id, String ifMatch, Instant servedAt, String method) {
    return change(officer, id, ifMatch, c -> c.serve(servedAt, method, officer.subject(), clock.instant(), rules));
  }

  public PenaltyCase execute(Caller officer, String id, String ifMatch, Instant executedAt, BigDecimal amountPaid) {
    return change(officer, id, ifMatch,
        c -> c.execute(executedAt, amountPaid, officer.subject(), clock.instant(), rules));
  }

  public PenaltyCase close(Caller officer, String id, String ifMatch, String reason) {
    PenaltyCase current = current(officer, id, ifMatch);
    PenaltyCase.Changed closed = current.close(reason, officer.subject(), clock.instant());
    return store(current, closed.penaltyCase(), List.of(closed.event()), ifMatch);
  }

  public PenaltyCase revoke(Caller supervisor, String id, String ifMatch, String reason) {
    PenaltyCase current = current(supervisor, id, ifMatch);
    PenaltyCase.Changed revoked = current.revoke(reason, supervisor.subject(), clock.instant());
    return store(current, revoked.penaltyCase(), List.of(revoked.event()), ifMatch);
  }

  private PenaltyCase change(Caller caller, String id, String ifMatch, Function<PenaltyCase, PenaltyCase> step) {
    PenaltyCase current = current(caller, id, ifMatch);
    return store(current, step.apply(current), List.of(), ifMatch);
  }

  private PenaltyCase current(Caller caller, String id, String ifMatch) {
    PenaltyCase current = get(caller, id);
    ETags.check(ifMatch, current.version());
    return current;
  }

  private PenaltyCase store(PenaltyCase before, PenaltyCase changed, List<? extends CaseEvent> events,
      String ifMatch) {
    if (!cases.update(before, changed, List.copyOf(events))) {
      throw ETags.lostUpdate("case", ifMatch);
    }
    return changed;
  }
}
