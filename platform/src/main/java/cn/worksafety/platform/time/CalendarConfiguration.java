package cn.worksafety.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * The working-day calendar every deadline counted in working days uses, read from {@code
 * app.calendar.location} (by default the State Council's notices shipped with the build; point it at
 * a file to add a year without a release).
 */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  WorkingDayCalendar workingDayCalendar(@Value("${app.calendar.location}") Resource location, Clock clock)
      throws IOException {
    List<String> lines;
    try (InputStream in = location.getInputStream()) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    WorkingDayCalendar calendar = WorkingDayCalendar.parse(lines);
    int nextYear = LocalDate.now(clock).getYear() + 1;
    if (!calendar.coveredYears().contains(nextYear)) {
      log.warn("The working-day calendar {} covers {} but not {}: deadlines that reach into {} count weekends only. "
          + "Add that year's holiday notice.", location, calendar.coveredYears(), nextYear, nextYear);
    }
    return calendar;
  }
}
