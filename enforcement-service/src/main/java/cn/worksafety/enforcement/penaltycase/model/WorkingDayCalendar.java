package cn.worksafety.enforcement.penaltycase.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days: Monday to Friday, less public holidays, plus the weekend days that are worked in
 * exchange (调休). Both lists are data that changes every year, never code.
 */
public record WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays) {

  public boolean isWorkingDay(LocalDate day) {
    if (holidays.contains(day)) {
      return false;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend || workedWeekendDays.contains(day);
  }

  /** The day on which a period of {@code workingDays} starting the day after {@code start} ends. */
  public LocalDate addWorkingDays(LocalDate start, int workingDays) {
    LocalDate day = start;
    int counted = 0;
    while (counted < workingDays) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
