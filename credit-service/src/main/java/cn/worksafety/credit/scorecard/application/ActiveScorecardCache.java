package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.creditfile.application.ActiveScorecard;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import org.springframework.stereotype.Service;

/**
 * The version in force, kept in memory: read from the store on first use, after an activation on
 * this replica, and every {@code app.scorecards.refresh-interval}, so other replicas follow an
 * activation within that interval.
 */
@Service
public class ActiveScorecardCache implements ActiveScorecard {
  private final ScorecardVersions versions;
  private volatile Scorecard current;

  public ActiveScorecardCache(ScorecardVersions versions) {
    this.versions = versions;
  }

  @Override
  public Scorecard current() {
    Scorecard known = current;
    return known != null ? known : refresh();
  }

  public Scorecard refresh() {
    Scorecard active = versions.active().map(ScorecardVersion::rules)
        .orElseThrow(() -> new IllegalStateException("no scorecard version is in force"));
    current = active;
    return active;
  }
}
