package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;

/** 听证: when the party asked for a hearing, and when it was held with what record; null until then. */
public record Hearing(Instant requestedAt, Instant heldAt, String record) {

  public boolean pending() {
    return heldAt == null;
  }
}
