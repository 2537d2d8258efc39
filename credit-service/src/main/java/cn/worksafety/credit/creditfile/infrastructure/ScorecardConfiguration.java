package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.credit.creditfile.model.Scorecard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scorecard in force. Versioned scorecards kept as data come with the credit engine. */
@Configuration(proxyBeanMethods = false)
public class ScorecardConfiguration {

  @Bean
  Scorecard activeScorecard() {
    return Scorecard.first();
  }
}
