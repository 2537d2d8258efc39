package cn.worksafety.enforcement.penaltycase.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

  @Test
  void skipsWeekends() {
    WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(), Set.of());
    // Thursday + 5 working days = next Thursday
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 5), 5)).isEqualTo(LocalDate.of(2026, 11, 12));
  }

  @Test
  void skipsHolidaysAndCountsWorkedWeekendDays() {
    // National Day week 2026: 1–7 Oct off, Sunday 11 Oct worked (example data)
    Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
        LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));
    WorkingDayCalendar calendar = new WorkingDayCalendar(holidays, Set.of(LocalDate.of(2026, 10, 11)));
    // from Wed 30 Sep: Thu 8, Fri 9, Sun 11, Mon 12, Tue 13
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
  }
}
