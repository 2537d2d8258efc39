package cn.worksafety.credit.creditfile.model;

import java.util.Optional;

/**
 * What kind of fact a credit record is; each comes from one kind of enforcement event. A kind whose
 * severity does not depend on the facts carries it here.
 */
public enum RecordKind {
  /** A penalty decision (行政处罚决定), as severe as its worst penalty; withdrawn when the case is revoked. */
  ADMINISTRATIVE_PENALTY(null),
  /** A production-safety accident, by its grade; replaced by the investigation's figures when concluded. */
  ACCIDENT(null),
  /** An accident concealed or falsely reported (瞒报、谎报). */
  ACCIDENT_CONCEALED(Severity.SERIOUS),
  /** A major hazard (重大事故隐患) not rectified by its deadline. */
  MAJOR_HAZARD_OVERDUE(Severity.GENERAL),
  /** The enterprise's safety licence was suspended. */
  LICENCE_SUSPENDED(Severity.GENERAL),
  /** The enterprise's safety licence was revoked. */
  LICENCE_REVOKED(Severity.SERIOUS),
  /** The enterprise operates without a licence it needs. */
  LICENCE_MISSING(Severity.SERIOUS);

  private final Severity fixedSeverity;

  RecordKind(Severity fixedSeverity) {
    this.fixedSeverity = fixedSeverity;
  }

  /** The severity of every record of this kind; only for kinds whose severity is fixed. */
  public Severity severity() {
    if (fixedSeverity == null) {
      throw new IllegalStateException(this + " takes its severity from the facts");
    }
    return fixedSeverity;
  }

  /** The record a change of licence status puts on file, if any. */
  public static Optional<RecordKind> forLicenceStatus(String status) {
    return Optional.ofNullable(switch (status == null ? "" : status) {
      case "SUSPENDED" -> LICENCE_SUSPENDED;
      case "REVOKED" -> LICENCE_REVOKED;
      case "MISSING" -> LICENCE_MISSING;
      default -> null;
    });
  }
}
