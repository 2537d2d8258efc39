package cn.worksafety.enforcement.enterprise.application;

import cn.worksafety.enforcement.enterprise.model.CheckOverride;
import cn.worksafety.enforcement.enterprise.model.Details;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.security.Role;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Registering, changing and looking up enterprises. Officers and supervisors act inside their region;
 * a credit administrator may register anywhere, and alone may override the code check for a historic
 * code.
 */
@Service
public class EnterpriseService {
  private final Enterprises enterprises;
  private final Clock clock;

  public EnterpriseService(Enterprises enterprises, Clock clock) {
    this.enterprises = enterprises;
    this.clock = clock;
  }

  public Enterprise register(Caller caller, String uscc, String region, Details details, String overrideReason) {
    CheckOverride override = null;
    if (overrideReason != null) {
      if (!caller.has(Role.CREDIT_ADMIN)) {
        throw new DomainException(ProblemKind.FORBIDDEN, "override-not-allowed",
            "only a credit administrator may register a code that fails the GB 32100 check");
      }
      override = new CheckOverride(overrideReason.strip(), caller.subject(), clock.instant());
    }
    Enterprise enterprise = Enterprise.register(uscc, region, details, override, clock.instant());
    if (!caller.has(Role.CREDIT_ADMIN) && !caller.covers(enterprise.region())) {
      throw new DomainException(ProblemKind.FORBIDDEN, "outside-region",
          "region " + region + " is outside your region " + caller.region());
    }
    String action = override == null ? "registration" : "registration-with-check-override";
    if (!enterprises.add(enterprise, enterprise.registeredEvent(), action)) {
      throw new DomainException(ProblemKind.CONFLICT, "duplicate-enterprise",
          "an enterprise with code " + uscc + " is already registered").with("uscc", uscc);
    }
    return enterprise;
  }

  /** The enterprise, if the caller may see it; otherwise 404, so existence does not leak across regions. */
  public Enterprise get(Caller caller, String uscc) {
    return enterprises.find(uscc).filter(e -> caller.has(Role.CREDIT_ADMIN) || caller.covers(e.region()))
        .orElseThrow(() -> DomainException.notFound("enterprise", uscc));
  }

  /**
   * Applies {@code changes} (null fields unchanged) and announces the enterprise as it now stands; a
   * change that changes nothing stores and announces nothing.
   */
  public Enterprise change(Caller caller, String uscc, String ifMatch, Details changes) {
    Enterprise current = get(caller, uscc);
    ETags.check(ifMatch, current.version());
    Optional<Enterprise> changed = current.change(changes);
    if (changed.isEmpty()) {
      return current;
    }
    if (!enterprises.update(current, changed.get(), changed.get().updatedEvent())) {
      throw ETags.lostUpdate("enterprise", ifMatch);
    }
    return changed.get();
  }

  /** Enterprises inside the caller's region (or the narrower region asked for) that match the filter. */
  public PageView<Enterprise> list(Caller caller, EnterpriseFilter filter, int offset, int limit) {
    String scope = caller.regionScope();
    String region = filter.region() == null ? scope : filter.region();
    if (!RegionScope.isRegionCode(region)) {
      throw DomainException.invalid("region", "must be a six-digit GB/T 2260 code");
    }
    if (filter.namePrefix() != null && (filter.namePrefix().isBlank() || filter.namePrefix().length() > 100)) {
      throw DomainException.invalid("namePrefix", "must have 1 to 100 characters");
    }
    if (!RegionScope.covers(scope, region)) {
      throw new DomainException(ProblemKind.FORBIDDEN, "outside-region",
          "region " + region + " is outside your region " + scope);
    }
    return enterprises.list(new EnterpriseFilter(region, filter.industry(), filter.namePrefix(), filter.grade(),
        filter.licenceStatus()), offset, limit);
  }

  public List<AuditEntry> history(Caller caller, String uscc) {
    get(caller, uscc);
    return enterprises.history(uscc);
  }
}
