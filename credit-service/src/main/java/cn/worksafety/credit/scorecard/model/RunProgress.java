package cn.worksafety.credit.scorecard.model;

/**
 * How far a run got: saved regularly, so a replica that takes over an abandoned run goes on after
 * the last file saved instead of starting over.
 *
 * @param total how many files there were when the run started
 * @param processed files gone through, registered or not
 * @param lastUscc the last file gone through; files are gone through in USCC order
 * @param changed enterprises whose grade or score changed (a simulation) or was changed (a re-rating)
 * @param before a simulation's grades under the version in force
 * @param after a simulation's grades under the draft
 */
public record RunProgress(long total, long processed, String lastUscc, long changed, GradeCounts before,
    GradeCounts after) {
  public static final RunProgress NONE = new RunProgress(0, 0, null, 0, GradeCounts.NONE, GradeCounts.NONE);
}
