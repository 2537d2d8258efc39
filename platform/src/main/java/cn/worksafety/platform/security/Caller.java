package cn.worksafety.platform.security;

import java.util.Set;

/**
 * Who is calling, as the token says: subject, roles, the GB/T 2260 region an officer or supervisor
 * is bound to, and the department a partner is bound to.
 */
public record Caller(String subject, Set<Role> roles, String region, String department) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether this caller's region covers the given region code (see {@link RegionScope}). */
  public boolean covers(String regionCode) {
    return region != null && RegionScope.covers(region, regionCode);
  }
}
