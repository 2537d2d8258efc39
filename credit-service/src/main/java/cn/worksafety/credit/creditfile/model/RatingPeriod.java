package cn.worksafety.credit.creditfile.model;

import java.time.Instant;

/**
 * One stretch of an enterprise's rating history: the grade and score announced {@code from} that
 * moment until the next period's start, and what caused the change (an event id, or a re-rating).
 */
public record RatingPeriod(Grade grade, int score, String scorecardVersion, Instant from, String cause) {

  static RatingPeriod of(Rating rating, String cause) {
    return new RatingPeriod(rating.grade(), rating.score(), rating.scorecardVersion(), rating.effectiveAt(), cause);
  }
}
