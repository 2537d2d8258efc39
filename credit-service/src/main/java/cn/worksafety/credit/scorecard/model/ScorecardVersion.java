package cn.worksafety.credit.scorecard.model;

import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Instant;

/**
 * One version of the scorecard rules, kept as data so every rating can name the rules that made it.
 * An administrator drafts a version, simulates it, then activates it; the version it replaces is
 * retired. The service starts with the first version in force.
 *
 * @param activationRun the run that activated it, so a run taken over after a crash knows its own work
 */
public record ScorecardVersion(String version, ScorecardState state, Scorecard rules, String draftedBy,
    Instant draftedAt, String activatedBy, Instant activatedAt, String activationRun, Instant retiredAt) {

  /** The subject of versions nobody drafted through the API: the one the service starts with. */
  public static final String SYSTEM = "system";

  public static ScorecardVersion draft(ScorecardDraft draft, String by, Instant at) {
    Scorecard rules = draft.rules();
    return new ScorecardVersion(rules.version(), ScorecardState.DRAFT, rules, by, at, null, null, null, null);
  }

  /** The version the service starts with when none is stored: in force from the start. */
  public static ScorecardVersion first(ScorecardDraft draft, Instant at) {
    Scorecard rules = draft.rules();
    return new ScorecardVersion(rules.version(), ScorecardState.ACTIVE, rules, SYSTEM, at, SYSTEM, at, null, null);
  }

  /** Refused unless a draft: a version in force or retired is never activated (again). */
  public void requireDraft() {
    if (state != ScorecardState.DRAFT) {
      throw new DomainException(ProblemKind.CONFLICT, "scorecard-not-draft", "scorecard " + version + " is "
          + state + "; only a DRAFT can be activated (draft a new version to bring these rules back)")
          .with("version", version).with("state", state.name());
    }
  }

  /** Whether the run {@code runId} is what put this version in force. */
  public boolean putInForceBy(String runId) {
    return state == ScorecardState.ACTIVE && runId.equals(activationRun);
  }

  public static DomainException duplicate(String version) {
    return new DomainException(ProblemKind.CONFLICT, "duplicate-scorecard", "scorecard " + version
        + " already exists; a version is never changed once drafted").with("version", version);
  }
}
