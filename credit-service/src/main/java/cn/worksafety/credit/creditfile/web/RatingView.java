package cn.worksafety.credit.creditfile.web;

import cn.worksafety.credit.creditfile.model.Rating;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A rating with its explanation: {@code base} plus the points of every line equals {@code score}. */
public record RatingView(String uscc, String grade, int score, int base, List<Line> lines, String scorecardVersion,
    OffsetDateTime effectiveAt) {

  public record Line(String recordId, String rule, int points) {}

  static RatingView of(String uscc, Rating r, ZoneId zone) {
    return new RatingView(uscc, r.grade().name(), r.score(), r.base(),
        r.lines().stream().map(l -> new Line(l.recordId(), l.rule(), l.points())).toList(), r.scorecardVersion(),
        r.effectiveAt().atZone(zone).toOffsetDateTime());
  }
}
