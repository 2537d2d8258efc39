package cn.worksafety.credit.blacklist.model;

import cn.worksafety.platform.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The numbers of the listing procedure (DOMAIN.md), the configurable ones from configuration.
 *
 * @param objectionWorkingDays how long the party may object after the notice (default 5)
 * @param publicationWorkingDays how soon after the decision the entry must be published (default 20)
 * @param termYears how long an entry stays in force from the decision (3)
 * @param repairAfterMonths how long an entry must have stood before credit repair may be applied for (12)
 * @param reminderWorkingDays how many working days before a deadline a reminder goes out
 */
public record ListingRules(int objectionWorkingDays, int publicationWorkingDays, int termYears, int repairAfterMonths,
    int reminderWorkingDays, WorkingDayCalendar calendar, ZoneId zone) {

  public LocalDate day(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  /** The first moment of {@code day} where the law counts days. */
  public Instant startOf(LocalDate day) {
    return day.atStartOfDay(zone).toInstant();
  }
}
