package cn.worksafety.credit.supervision.infrastructure;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.supervision.model.SamplingRates;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sampling rates of the random inspections, from {@code app.supervision.sampling-percent}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionConfiguration.SupervisionProperties.class)
public class SupervisionConfiguration {

  /** @param samplingPercent per grade, the percent of its enterprises drawn per year */
  @ConfigurationProperties("app.supervision")
  public record SupervisionProperties(Map<Grade, Integer> samplingPercent) {}

  @Bean
  SamplingRates samplingRates(SupervisionProperties properties) {
    return new SamplingRates(properties.samplingPercent() == null ? Map.of() : properties.samplingPercent());
  }
}
