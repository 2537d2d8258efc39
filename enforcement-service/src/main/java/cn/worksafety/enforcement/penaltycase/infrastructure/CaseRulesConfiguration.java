package cn.worksafety.enforcement.penaltycase.infrastructure;

import cn.worksafety.enforcement.penaltycase.model.CaseRules;
import cn.worksafety.enforcement.penaltycase.model.ViolationCatalogue;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The procedure's numbers, from configuration ({@code app.cases.*}), and the working-day calendar. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseRulesConfiguration.CaseProperties.class)
public class CaseRulesConfiguration {

  @ConfigurationProperties("app.cases")
  public record CaseProperties(
      @DefaultValue("5") int defenceWindowWorkingDays,
      @DefaultValue("90") int decisionDeadlineDays,
      @DefaultValue("100000") BigDecimal collectiveReviewFineFrom,
      @DefaultValue("10") int deadlineWarningDays,
      @DefaultValue("7") int publicationWorkingDays,
      @DefaultValue("3") int withdrawalWorkingDays) {}

  @Bean
  CaseRules caseRules(CaseProperties properties, WorkingDayCalendar calendar, ViolationCatalogue violations,
      Clock clock) {
    return new CaseRules(properties.defenceWindowWorkingDays(), properties.decisionDeadlineDays(), calendar,
        clock.getZone(), properties.collectiveReviewFineFrom(), properties.deadlineWarningDays(), violations,
        properties.publicationWorkingDays(), properties.withdrawalWorkingDays());
  }
}
