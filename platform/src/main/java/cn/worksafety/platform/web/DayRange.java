package cn.worksafety.platform.web;

import cn.worksafety.platform.problem.DomainException;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * A list filter on a date-time field by whole days, both ends inclusive and optional, counted in the
 * service's zone: {@code from=2026-11-01&to=2026-11-30} is all of November in Shanghai.
 */
public record DayRange(LocalDate from, LocalDate to) {

  /** The range, or a 400 naming {@code fromParameter} when it ends before it starts. */
  public static DayRange of(String fromParameter, LocalDate from, LocalDate to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw DomainException.invalid(fromParameter, "must not be after " + to);
    }
    return new DayRange(from, to);
  }

  public static DayRange any() {
    return new DayRange(null, null);
  }

  public Instant start(ZoneId zone) {
    return from == null ? null : from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the range. */
  public Instant end(ZoneId zone) {
    return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Conditions on a stored date field for this range; none when the range is open at both ends. */
  public List<Bson> on(String field, ZoneId zone) {
    List<Bson> conditions = new ArrayList<>();
    if (from != null) {
      conditions.add(Filters.gte(field, Date.from(start(zone))));
    }
    if (to != null) {
      conditions.add(Filters.lt(field, Date.from(end(zone))));
    }
    return conditions;
  }
}
