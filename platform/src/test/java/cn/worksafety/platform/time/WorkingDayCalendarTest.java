package cn.worksafety.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
  void theShippedCalendarSkipsNationalDayAndCountsTheWorkedSaturday() throws IOException {
    WorkingDayCalendar calendar = shipped();
    // from Wed 30 Sep 2026: Thu 1 – Wed 7 Oct off; Thu 8, Fri 9, Sat 10 (worked), Mon 12, Tue 13
    assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Spring Festival Monday").isFalse();
    assertThat(calendar.coveredYears()).contains(2025, 2026);
  }

  @Test
  void aBadLineIsNamed() {
    assertThatThrownBy(() -> WorkingDayCalendar.parse(List.of("# comment", "2026-10-01,HOLIDAY,国庆节",
        "2026-10-32,HOLIDAY,typo"))).hasMessageContaining("line 3");
    assertThatThrownBy(() -> WorkingDayCalendar.parse(List.of("2026-10-01,DAYOFF,国庆节")))
        .hasMessageContaining("HOLIDAY or WORKDAY");
  }

  private static WorkingDayCalendar shipped() throws IOException {
    try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("/calendar/cn-working-days.csv")) {
      return WorkingDayCalendar.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
  }
}
