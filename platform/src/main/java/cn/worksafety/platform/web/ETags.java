package cn.worksafety.platform.web;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;

/** Optimistic concurrency over HTTP: the ETag is the resource version, {@code If-Match} must name it. */
public final class ETags {
  private ETags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /** The version the caller says it saw, or null when it sent no {@code If-Match}. */
  public static Long expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return null;
    }
    String tag = ifMatch.trim();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    try {
      return Long.parseLong(tag.replace("\"", ""));
    } catch (NumberFormatException e) {
      throw new DomainException(ProblemKind.STALE, "precondition-failed",
          "If-Match " + ifMatch + " does not name a version of this resource");
    }
  }

  public static void check(String ifMatch, long currentVersion) {
    Long expected = expectedVersion(ifMatch);
    if (expected != null && expected != currentVersion) {
      throw new DomainException(ProblemKind.STALE, "precondition-failed",
          "the resource changed since you read it (your version " + expected + ", now " + currentVersion + ")")
          .with("currentETag", of(currentVersion));
    }
  }

  /**
   * The refusal when a versioned write lost to another one after the read: 412 for a caller that sent
   * {@code If-Match} (its precondition no longer holds), 409 for one that did not.
   */
  public static DomainException lostUpdate(String what, String ifMatch) {
    return new DomainException(ifMatch == null ? ProblemKind.CONFLICT : ProblemKind.STALE, "concurrent-change",
        "the " + what + " was changed by someone else meanwhile; read it again and retry");
  }
}
