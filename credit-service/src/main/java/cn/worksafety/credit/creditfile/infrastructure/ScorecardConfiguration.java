package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.credit.creditfile.model.Scorecard;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** The scorecard in force, read from its data file. */
@Configuration(proxyBeanMethods = false)
public class ScorecardConfiguration {

  @Bean
  Scorecard activeScorecard(JsonMapper json,
      @Value("${app.scorecard.location:classpath:scorecards/v1.json}") Resource location) throws IOException {
    try (InputStream in = location.getInputStream()) {
      return json.readValue(in, Scorecard.class);
    }
  }
}
