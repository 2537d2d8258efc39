package cn.worksafety.credit.creditfile.web;

import cn.worksafety.credit.creditfile.model.RatingPeriod;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Every rating an enterprise was given, each with the interval it was in force; the last has no end. */
public record RatingHistoryView(String uscc, List<Period> periods) {

  public record Period(String grade, int score, String scorecardVersion, OffsetDateTime from, OffsetDateTime to,
      String cause) {}

  static RatingHistoryView of(String uscc, List<RatingPeriod> history, ZoneId zone) {
    List<Period> periods = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      RatingPeriod p = history.get(i);
      OffsetDateTime to = i + 1 < history.size() ? history.get(i + 1).from().atZone(zone).toOffsetDateTime() : null;
      periods.add(new Period(p.grade().name(), p.score(), p.scorecardVersion(),
          p.from().atZone(zone).toOffsetDateTime(), to, p.cause()));
    }
    return new RatingHistoryView(uscc, periods);
  }
}
