package cn.worksafety.credit.scorecard.infrastructure;

import cn.worksafety.credit.scorecard.application.ScorecardService;
import cn.worksafety.credit.scorecard.model.ScorecardDraft;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before the service takes events or requests, stores the seed file's version in force if the store
 * has no version yet. The seed is checked like any draft, so a broken file stops the start.
 */
@Component
public class ScorecardSeed implements SmartInitializingSingleton {
  private final ScorecardService scorecards;
  private final ScorecardConfiguration.ScorecardProperties properties;
  private final JsonMapper json;

  public ScorecardSeed(ScorecardService scorecards, ScorecardConfiguration.ScorecardProperties properties,
      JsonMapper json) {
    this.scorecards = scorecards;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public void afterSingletonsInstantiated() {
    try (InputStream in = properties.seed().getInputStream()) {
      scorecards.seed(json.readValue(in, ScorecardDraft.class));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the scorecard seed " + properties.seed(), e);
    }
  }
}
