package cn.worksafety.enforcement.accident.model;

import java.time.Instant;

/**
 * What happened to an accident record that others must hear of: it was reported, or its figures
 * were established (again, when concealment is found afterwards).
 */
public record AccidentEvent(Kind kind, Accident accident, Instant at) {
  public enum Kind {
    REPORTED,
    CONCLUDED
  }
}
