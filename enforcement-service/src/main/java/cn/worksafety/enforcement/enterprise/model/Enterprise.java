package cn.worksafety.enforcement.enterprise.model;

import cn.worksafety.contracts.Uscc;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.RegionScope;
import java.time.Instant;

/** A regulated enterprise (生产经营单位), identified by its 统一社会信用代码. */
public record Enterprise(
    String uscc,
    String name,
    String region,
    Industry industry,
    StandardizationGrade standardizationGrade,
    Instant registeredAt,
    long version) {

  /** Registers a new enterprise; the code must pass the GB 32100 check. */
  public static Enterprise register(String uscc, String name, String region, Industry industry,
      StandardizationGrade grade, Instant now) {
    Uscc.problem(uscc).ifPresent(problem -> {
      throw DomainException.invalid("uscc", problem);
    });
    if (!RegionScope.isRegionCode(region)) {
      throw DomainException.invalid("region", "must be a six-digit GB/T 2260 code");
    }
    return new Enterprise(uscc, name.strip(), region, industry,
        grade == null ? StandardizationGrade.NONE : grade, now, 1);
  }

  public EnterpriseRegisteredEvent registeredEvent() {
    return new EnterpriseRegisteredEvent(uscc, name, region, industry, standardizationGrade, registeredAt);
  }
}
