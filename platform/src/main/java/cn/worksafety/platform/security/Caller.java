package cn.worksafety.platform.security;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.util.Set;

/**
 * Who is calling, as the token says: subject, roles, the GB/T 2260 region an officer or supervisor
 * is bound to, and the department a partner is bound to.
 */
public record Caller(String subject, Set<Role> roles, String region, String department) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /**
   * The region this caller's data scope is, for listing; refused when the token carries no valid
   * GB/T 2260 code, so a missing claim never widens the scope.
   */
  public String regionScope() {
    if (!RegionScope.isRegionCode(region)) {
      throw new DomainException(ProblemKind.FORBIDDEN, "no-region",
          "your token carries no valid region code, so no regional data can be shown");
    }
    return region;
  }

  /** Whether this caller's region covers the given region code (see {@link RegionScope}). */
  public boolean covers(String regionCode) {
    return region != null && RegionScope.covers(region, regionCode);
  }
}
