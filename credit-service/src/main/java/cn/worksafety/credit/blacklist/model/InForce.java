package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** A stretch during which the entry stood on the published list; open while {@code until} is null. */
public record InForce(Instant from, Instant until) {

  public boolean covers(Instant at) {
    return !at.isBefore(from) && (until == null || at.isBefore(until));
  }

  InForce endedAt(Instant at) {
    return new InForce(from, at);
  }
}
