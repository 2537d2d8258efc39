package cn.worksafety.enforcement.enterprise.application;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Registering and looking up enterprises, inside the caller's region. */
@Service
public class EnterpriseService {
  private final Enterprises enterprises;
  private final Clock clock;

  public EnterpriseService(Enterprises enterprises, Clock clock) {
    this.enterprises = enterprises;
    this.clock = clock;
  }

  public Enterprise register(Caller officer, String uscc, String name, String region, Industry industry,
      StandardizationGrade grade) {
    Enterprise enterprise = Enterprise.register(uscc, name, region, industry, grade, clock.instant());
    if (!officer.covers(enterprise.region())) {
      throw new DomainException(ProblemKind.FORBIDDEN, "outside-region",
          "region " + region + " is outside your region " + officer.region());
    }
    if (!enterprises.add(enterprise, enterprise.registeredEvent())) {
      throw new DomainException(ProblemKind.CONFLICT, "duplicate-enterprise",
          "an enterprise with code " + uscc + " is already registered").with("uscc", uscc);
    }
    return enterprise;
  }

  /** The enterprise, if it exists inside the caller's region; otherwise 404, so existence does not leak. */
  public Enterprise get(Caller caller, String uscc) {
    return enterprises.find(uscc).filter(e -> caller.covers(e.region()))
        .orElseThrow(() -> DomainException.notFound("enterprise", uscc));
  }

  public PageView<Enterprise> list(Caller caller, int offset, int limit) {
    return enterprises.list(caller.regionScope(), offset, limit);
  }
}
