package cn.worksafety.credit.creditfile.web;

import cn.worksafety.platform.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} query parameter: a moment with its offset ({@code 2026-03-01T09:00:00+08:00}) or a
 * day ({@code 2026-03-01}, meaning the end of that day in the service's zone); absent means now. A
 * moment in the future is refused: a rating as of then would be a guess, not a fact.
 */
public final class AsOf {
  private AsOf() {}

  public static Instant parse(String asOf, Clock clock) {
    Instant now = clock.instant();
    if (asOf == null || asOf.isBlank()) {
      return now;
    }
    Instant at;
    try {
      at = asOf.contains("T") ? OffsetDateTime.parse(asOf).toInstant()
          : LocalDate.parse(asOf).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusMillis(1);
    } catch (DateTimeParseException e) {
      throw DomainException.invalid("asOf", "must be a date (2026-03-01) or a date-time with offset"
          + " (2026-03-01T09:00:00+08:00), was '" + asOf + "'");
    }
    if (at.isAfter(now)) {
      throw DomainException.invalid("asOf", "must not be in the future, was " + asOf);
    }
    return at;
  }
}
