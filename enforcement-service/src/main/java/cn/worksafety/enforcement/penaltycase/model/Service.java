package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 送达: how and when the decision reached the party. Service is due within 7 days of the decision
 * taking effect (行政处罚法 第六十一条); a later one is recorded as it happened and flagged.
 */
public record Service(Instant servedAt, String method, LocalDate dueBy) {
  static final int DAYS_TO_SERVE = 7;

  public boolean late(java.time.ZoneId zone) {
    return servedAt.atZone(zone).toLocalDate().isAfter(dueBy);
  }
}
