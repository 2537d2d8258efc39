package cn.worksafety.enforcement.inspection.application;

import cn.worksafety.enforcement.enterprise.application.EnterpriseService;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.inspection.model.HazardFinding;
import cn.worksafety.enforcement.inspection.model.HazardStatus;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.enforcement.inspection.model.VerificationOutcome;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Recording inspections, the hazards they find and the re-inspections of those, inside the caller's region. */
@Service
public class InspectionService {
  private final Inspections inspections;
  private final EnterpriseService enterprises;
  private final Clock clock;

  public InspectionService(Inspections inspections, EnterpriseService enterprises, Clock clock) {
    this.inspections = inspections;
    this.enterprises = enterprises;
    this.clock = clock;
  }

  public Inspection record(Caller officer, String uscc, Instant inspectedAt, List<String> officers, String findings,
      List<HazardFinding> hazards) {
    Enterprise enterprise = enterprises.get(officer, uscc);
    Inspection recorded = Inspection.record(UUID.randomUUID().toString(), enterprise.uscc(), enterprise.region(),
        inspectedAt, officers, findings, hazards, officer.subject(), clock.instant(), zone());
    inspections.add(recorded);
    return recorded;
  }

  /** The inspection, if it exists inside the caller's region; otherwise 404, so existence does not leak. */
  public Inspection get(Caller caller, String id) {
    return inspections.find(id).filter(i -> caller.covers(i.region()))
        .orElseThrow(() -> DomainException.notFound("inspection", id));
  }

  /** Who changed the inspection record, when, from which request, and what changed, oldest first. */
  public List<AuditEntry> history(Caller caller, String id) {
    get(caller, id);
    return inspections.history(id);
  }

  /** Inspections in the caller's region, newest first; {@code from} and {@code to} are inclusive days. */
  public PageView<Inspection> list(Caller caller, String uscc, LocalDate from, LocalDate to,
      HazardStatus hazardStatus, int offset, int limit) {
    DayRange days = DayRange.of("from", from, to);
    String scope = caller.regionScope();
    InspectionQuery query = new InspectionQuery(uscc, days.start(zone()), days.end(zone()), hazardStatus, today());
    return inspections.list(scope, query, offset, limit);
  }

  public Inspection addHazard(Caller officer, String id, String ifMatch, HazardFinding finding) {
    return change(officer, id, ifMatch, "hazard",
        i -> i.addHazard(finding, officer.subject(), clock.instant(), zone()));
  }

  public Inspection verify(Caller officer, String id, String hazardId, String ifMatch, Instant verifiedAt,
      List<String> officers, VerificationOutcome outcome, String note) {
    return change(officer, id, ifMatch, "verification",
        i -> i.verify(hazardId, verifiedAt, officers, outcome, note, officer.subject(), clock.instant()));
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  public ZoneId zone() {
    return clock.getZone();
  }

  private Inspection change(Caller caller, String id, String ifMatch, String action,
      Function<Inspection, Inspection> step) {
    Inspection current = get(caller, id);
    ETags.check(ifMatch, current.version());
    Inspection changed = step.apply(current);
    if (!inspections.update(current, changed, action, List.of())) {
      throw ETags.lostUpdate("inspection", ifMatch);
    }
    return changed;
  }
}
