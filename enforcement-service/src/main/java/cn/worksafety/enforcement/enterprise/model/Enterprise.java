package cn.worksafety.enforcement.enterprise.model;

import cn.worksafety.contracts.Uscc;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.RegionScope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A regulated enterprise (生产经营单位), identified by its 统一社会信用代码. Code and region are fixed at
 * registration; the rest changes with {@link #change}.
 */
public record Enterprise(
    String uscc,
    String name,
    String region,
    Industry industry,
    StandardizationGrade standardizationGrade,
    Licence licence,
    Person legalRepresentative,
    Person principal,
    CheckOverride checkOverride,
    Instant registeredAt,
    long version) {

  /**
   * Registers a new enterprise. The code must pass the GB 32100 check unless {@code override} records
   * a credit administrator's decision for a historic code; an override is refused for a code that
   * passes, and cannot make a malformed code acceptable.
   */
  public static Enterprise register(String uscc, String region, Details details, CheckOverride override,
      Instant now) {
    Optional<String> problem = Uscc.problem(uscc);
    if (override == null) {
      problem.ifPresent(p -> {
        throw DomainException.invalid("uscc", p);
      });
    } else if (problem.isEmpty()) {
      throw DomainException.invalid("checkOverride", "the code passes the GB 32100 check; no override is needed");
    } else if (!Uscc.failsOnlyTheCheckCharacter(uscc)) {
      throw DomainException.invalid("uscc", problem.get() + "; an override covers only a wrong check character");
    }
    if (!RegionScope.isRegionCode(region)) {
      throw DomainException.invalid("region", "must be a six-digit GB/T 2260 code");
    }
    Industry industry = Objects.requireNonNull(details.industry(), "industry");
    return new Enterprise(uscc, details.name().strip(), region, industry,
        details.standardizationGrade() == null ? StandardizationGrade.NONE : details.standardizationGrade(),
        details.licence() == null ? Licence.none(industry) : details.licence(), details.legalRepresentative(),
        details.principal(), override, now, 1);
  }

  /** The enterprise with {@code changes} applied (null fields unchanged), and whether anything changed. */
  public Optional<Enterprise> change(Details changes) {
    Enterprise changed = new Enterprise(uscc, changes.name() == null ? name : changes.name().strip(), region,
        or(changes.industry(), industry), or(changes.standardizationGrade(), standardizationGrade),
        or(changes.licence(), licence), or(changes.legalRepresentative(), legalRepresentative),
        or(changes.principal(), principal), checkOverride, registeredAt, version + 1);
    return changed.sameDetailsAs(this) ? Optional.empty() : Optional.of(changed);
  }

  public EnterpriseEvent registeredEvent() {
    return new EnterpriseEvent(EnterpriseEvent.Kind.REGISTERED, this);
  }

  public EnterpriseEvent updatedEvent() {
    return new EnterpriseEvent(EnterpriseEvent.Kind.UPDATED, this);
  }

  private boolean sameDetailsAs(Enterprise other) {
    return name.equals(other.name) && industry == other.industry
        && standardizationGrade == other.standardizationGrade && licence.equals(other.licence)
        && Objects.equals(legalRepresentative, other.legalRepresentative) && Objects.equals(principal, other.principal);
  }

  private static <T> T or(T changed, T current) {
    return changed == null ? current : changed;
  }
}
