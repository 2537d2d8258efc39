package cn.worksafety.credit.creditfile.model;

import java.time.Instant;

/**
 * A stretch during which the enterprise stood on the serious-dishonesty list under one entry, from
 * the event that put it there until the one that took it off (open while {@code until} is null).
 * The event ids make applying the same event twice harmless.
 */
public record ListedPeriod(String entryId, Instant from, String fromEventId, Instant until, String untilEventId) {

  public boolean covers(Instant at) {
    return !at.isBefore(from) && (until == null || at.isBefore(until));
  }

  public boolean isOpen() {
    return until == null;
  }

  ListedPeriod closed(Instant at, String eventId) {
    return new ListedPeriod(entryId, from, fromEventId, at, eventId);
  }
}
