package cn.worksafety.credit.scorecard.infrastructure;

import cn.worksafety.credit.scorecard.application.RunSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The settings of {@code app.scorecards} (see application.yml). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScorecardConfiguration.ScorecardProperties.class)
public class ScorecardConfiguration {

  /**
   * @param seed the version stored and put in force when the store has none
   * @param refreshInterval how often every replica re-reads the version in force
   */
  @ConfigurationProperties("app.scorecards")
  public record ScorecardProperties(
      @DefaultValue("classpath:scorecards/v1.json") Resource seed,
      @DefaultValue("5s") Duration refreshInterval,
      @DefaultValue Runs runs) {}

  public record Runs(
      @DefaultValue("60s") Duration lease,
      @DefaultValue("1000") int batchSize,
      @DefaultValue("2s") Duration checkpointInterval,
      @DefaultValue("5") int maxAttempts,
      @DefaultValue("30s") Duration retryDelay) {}

  @Bean
  RunSettings runSettings(ScorecardProperties properties) {
    Runs runs = properties.runs();
    return new RunSettings(runs.lease(), runs.batchSize(), runs.checkpointInterval(), runs.maxAttempts(),
        runs.retryDelay(), properties.refreshInterval());
  }
}
