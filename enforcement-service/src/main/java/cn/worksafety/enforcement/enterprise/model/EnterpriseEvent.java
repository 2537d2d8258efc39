package cn.worksafety.enforcement.enterprise.model;

/** An enterprise came under supervision, or its details changed; carries the enterprise as it now stands. */
public record EnterpriseEvent(Kind kind, Enterprise enterprise) {
  public enum Kind { REGISTERED, UPDATED }
}
