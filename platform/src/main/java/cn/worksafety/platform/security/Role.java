package cn.worksafety.platform.security;

/** The roles of CONTRACT.md, carried in the token's {@code roles} claim. */
public enum Role {
  OFFICER,
  SUPERVISOR,
  CREDIT_ADMIN,
  PARTNER;

  public String authority() {
    return "ROLE_" + name();
  }
}
