package cn.worksafety.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days: Monday to Friday, less public holidays, plus the weekend days that are worked in
 * exchange (调休). Both lists are data that changes every year, never code: see {@link #parse} for the
 * file format and {@code calendar/cn-working-days.csv} for the data.
 */
public record WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> workedWeekendDays) {

  public WorkingDayCalendar {
    holidays = Set.copyOf(holidays);
    workedWeekendDays = Set.copyOf(workedWeekendDays);
  }

  /**
   * Reads {@code date,kind,name} lines, where kind is {@code HOLIDAY} (a weekday off) or {@code
   * WORKDAY} (a weekend day worked); blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming the line that cannot be read
   */
  public static WorkingDayCalendar parse(List<String> lines) {
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> worked = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(",", 3);
      try {
        LocalDate day = LocalDate.parse(parts[0].strip());
        String kind = parts.length > 1 ? parts[1].strip() : "";
        switch (kind) {
          case "HOLIDAY" -> holidays.add(day);
          case "WORKDAY" -> worked.add(day);
          default -> throw new IllegalArgumentException("kind must be HOLIDAY or WORKDAY");
        }
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new IllegalArgumentException("working-day calendar line " + (i + 1) + " (" + line + "): "
            + e.getMessage(), e);
      }
    }
    return new WorkingDayCalendar(holidays, worked);
  }

  /** The years the data speaks for; outside them only weekends are known. */
  public Set<Integer> coveredYears() {
    Set<Integer> years = new TreeSet<>();
    holidays.forEach(d -> years.add(d.getYear()));
    workedWeekendDays.forEach(d -> years.add(d.getYear()));
    return years;
  }

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
