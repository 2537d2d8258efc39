package cn.worksafety.enforcement.accident.application;

import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.AccidentGrade;
import cn.worksafety.enforcement.accident.model.Figures;
import cn.worksafety.enforcement.enterprise.application.EnterpriseService;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Reporting accidents and recording what the investigation found, inside the caller's region. */
@Service
public class AccidentService {
  private final Accidents accidents;
  private final EnterpriseService enterprises;
  private final Clock clock;

  public AccidentService(Accidents accidents, EnterpriseService enterprises, Clock clock) {
    this.accidents = accidents;
    this.enterprises = enterprises;
    this.clock = clock;
  }

  public Accident report(Caller officer, String uscc, Instant occurredAt, String description, Figures figures,
      boolean concealed) {
    Enterprise enterprise = enterprises.get(officer, uscc);
    Accident.Change reported = Accident.report(UUID.randomUUID().toString(), enterprise.uscc(), enterprise.region(),
        occurredAt, description, figures, concealed, clock.instant());
    accidents.add(reported.accident(), reported.events());
    return reported.accident();
  }

  public Accident get(Caller caller, String id) {
    return accidents.find(id).filter(a -> caller.covers(a.region()))
        .orElseThrow(() -> DomainException.notFound("accident", id));
  }

  public PageView<Accident> list(Caller caller, AccidentGrade grade, DayRange occurred, int offset, int limit) {
    return accidents.list(caller.regionScope(), grade, occurred, offset, limit);
  }

  public Accident conclude(Caller officer, String id, String ifMatch, Figures findings, boolean concealed) {
    return change(officer, id, ifMatch, "conclusion", a -> a.conclude(findings, concealed, clock.instant()));
  }

  public Accident recordConcealment(Caller officer, String id, String ifMatch, String note) {
    return change(officer, id, ifMatch, "concealment", a -> a.recordConcealment(note, clock.instant()));
  }

  /** Who changed the accident record, when, from which request, and what changed, oldest first. */
  public List<AuditEntry> history(Caller caller, String id) {
    get(caller, id);
    return accidents.history(id);
  }

  private Accident change(Caller caller, String id, String ifMatch, String action,
      Function<Accident, Accident.Change> step) {
    Accident current = get(caller, id);
    ETags.check(ifMatch, current.version());
    Accident.Change change = step.apply(current);
    if (!accidents.update(current, change.accident(), action, change.events())) {
      throw ETags.lostUpdate("accident", ifMatch);
    }
    return change.accident();
  }
}
