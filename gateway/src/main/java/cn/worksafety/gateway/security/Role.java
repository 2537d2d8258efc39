package cn.worksafety.gateway.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of CONTRACT.md, carried in the token's {@code roles} claim. */
public enum Role {
  OFFICER,
  SUPERVISOR,
  CREDIT_ADMIN,
  PARTNER;

  public static Optional<Role> parse(String name) {
    return Arrays.stream(values()).filter(r -> r.name().equals(name)).findFirst();
  }

  /** Officers and supervisors act within one administrative region. */
  public boolean needsRegion() {
    return this == OFFICER || this == SUPERVISOR;
  }

  /** Partners act for one member department. */
  public boolean needsDepartment() {
    return this == PARTNER;
  }
}
