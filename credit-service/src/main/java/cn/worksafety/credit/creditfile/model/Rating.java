package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.util.List;

/** A grade and score with the lines that explain it: {@code base} plus every line's points is the score. */
public record Rating(Grade grade, int score, int base, List<RatingLine> lines, String scorecardVersion,
    Instant effectiveAt) {

  /** Whether this rating says something different from {@code other} (grade or score). */
  public boolean differsFrom(Rating other) {
    return other == null || other.grade != grade || other.score != score;
  }
}
