package cn.worksafety.enforcement.penaltycase.infrastructure;

import cn.worksafety.enforcement.penaltycase.model.CaseRules;
import cn.worksafety.enforcement.penaltycase.model.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The procedure's numbers and the holiday calendar, from configuration ({@code app.cases.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseRulesConfiguration.CaseProperties.class)
public class CaseRulesConfiguration {

  @ConfigurationProperties("app.cases")
  public record CaseProperties(
      @DefaultValue("5") int defenceWindowWorkingDays,
      @DefaultValue("90") int decisionDeadlineDays,
      @DefaultValue List<LocalDate> holidays,
      @DefaultValue List<LocalDate> workedWeekendDays,
      @DefaultValue("100000") BigDecimal collectiveReviewFineFrom,
      @DefaultValue("10") int deadlineWarningDays) {}

  @Bean
  CaseRules caseRules(CaseProperties properties, Clock clock) {
    return new CaseRules(properties.defenceWindowWorkingDays(), properties.decisionDeadlineDays(),
        new WorkingDayCalendar(Set.copyOf(properties.holidays()), Set.copyOf(properties.workedWeekendDays())),
        clock.getZone(), properties.collectiveReviewFineFrom(), properties.deadlineWarningDays());
  }
}
