package cn.worksafety.platform.problem;

/** The HTTP-independent family of a domain refusal; {@link ProblemDetailsAdvice} maps it to a status. */
public enum ProblemKind {
  /** The input is malformed or breaks a field rule (400). */
  INVALID(400),
  /** The caller's role or scope does not allow it (403). */
  FORBIDDEN(403),
  /** The thing does not exist, or the caller may not know it exists (404). */
  NOT_FOUND(404),
  /** The request clashes with the current state, e.g. a lifecycle step out of order or a duplicate (409). */
  CONFLICT(409),
  /** The version the caller saw is no longer current (412). */
  STALE(412),
  /** Well-formed but a business rule refuses it now (422). */
  RULE_VIOLATION(422),
  /** A system this request needs (a broker, its management API) cannot be reached; nothing changed (503). */
  UNAVAILABLE(503);

  private final int status;

  ProblemKind(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
