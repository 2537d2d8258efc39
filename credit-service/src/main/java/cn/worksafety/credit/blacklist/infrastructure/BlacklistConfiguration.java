package cn.worksafety.credit.blacklist.infrastructure;

import cn.worksafety.credit.blacklist.model.ListingRules;
import cn.worksafety.credit.blacklist.model.TriggerRules;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** The listing procedure's numbers and the trigger data, from configuration (see application.yml). */
@Configuration(proxyBeanMethods = false)
public class BlacklistConfiguration {

  @Bean
  ListingRules listingRules(WorkingDayCalendar calendar, Clock clock,
      @Value("${app.blacklist.objection-working-days:5}") int objectionDays,
      @Value("${app.blacklist.publication-working-days:20}") int publicationDays,
      @Value("${app.blacklist.term-years:3}") int termYears,
      @Value("${app.blacklist.repair-after-months:12}") int repairAfterMonths,
      @Value("${app.blacklist.reminder-working-days:3}") int reminderDays) {
    if (objectionDays < 1 || publicationDays < 1 || termYears < 1 || repairAfterMonths < 0 || reminderDays < 0) {
      throw new IllegalStateException("app.blacklist.*: windows and term must be positive, got objection "
          + objectionDays + ", publication " + publicationDays + ", term " + termYears + ", repair after "
          + repairAfterMonths + ", reminder " + reminderDays);
    }
    return new ListingRules(objectionDays, publicationDays, termYears, repairAfterMonths, reminderDays, calendar,
        clock.getZone());
  }

  @Bean
  TriggerRules triggerRules(JsonMapper json,
      @Value("${app.blacklist.triggers:classpath:blacklist/triggers.json}") Resource location) throws IOException {
    try (InputStream in = location.getInputStream()) {
      return json.readValue(in, TriggerRules.class);
    }
  }
}
