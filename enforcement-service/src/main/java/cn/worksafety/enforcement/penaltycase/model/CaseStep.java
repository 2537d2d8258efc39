package cn.worksafety.enforcement.penaltycase.model;

import java.util.Arrays;
import java.util.Optional;

/** The lifecycle steps of CONTRACT.md, by the path segment that performs them. */
public enum CaseStep {
  INVESTIGATION("investigation"),
  NOTICE("notice"),
  DEFENCE("defence"),
  DECISION("decision"),
  APPROVAL("approval"),
  SERVICE("service"),
  EXECUTION("execution"),
  CLOSURE("closure"),
  REVOCATION("revocation");

  private final String path;

  CaseStep(String path) {
    this.path = path;
  }

  public String path() {
    return path;
  }

  public static Optional<CaseStep> fromPath(String path) {
    return Arrays.stream(values()).filter(s -> s.path.equals(path)).findFirst();
  }
}
