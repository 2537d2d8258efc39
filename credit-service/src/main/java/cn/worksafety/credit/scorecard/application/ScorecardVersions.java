package cn.worksafety.credit.scorecard.application;

import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import cn.worksafety.platform.web.PageView;
import java.time.Instant;
import java.util.Optional;

/** Where scorecard versions are kept, keyed by version name. */
public interface ScorecardVersions {

  /** Stores a new version; false when a version of that name exists. */
  boolean add(ScorecardVersion version);

  Optional<ScorecardVersion> find(String version);

  /** Newest first. */
  PageView<ScorecardVersion> list(int offset, int limit);

  /** The version in force; while an activation switches over, the one activated last. */
  Optional<ScorecardVersion> active();

  /** Puts the draft {@code version} in force for the run {@code runId}; false when it is no longer a draft. */
  boolean activate(String version, String by, String runId, Instant at);

  /** Retires every version in force but {@code version}. */
  void retireAllBut(String version, Instant at);
}
