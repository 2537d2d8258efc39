package cn.worksafety.credit.blacklist.model;

import java.util.Arrays;
import java.util.Optional;

/** The procedure's steps of CONTRACT.md, by the path segment that performs them. */
public enum ListingStep {
  NOTICE("notice"),
  OBJECTION("objection"),
  DECISION("decision"),
  PUBLICATION("publication");

  private final String path;

  ListingStep(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  public static Optional<ListingStep> fromPath(String path) {
    return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
  }
}
