package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules that turn records into a rating: a base score, points per active record by severity, and
 * grade thresholds. Versioned, so a rating always says which rules produced it.
 */
public record Scorecard(String version, int base, Map<Severity, Integer> deductions, int minimumForA,
    int minimumForB, int minimumForC) {

  /** The first scorecard: base 100; minus 5 / 15 / 30 per active minor / general / serious record. */
  public static Scorecard first() {
    return new Scorecard("v1", 100, Map.of(Severity.MINOR, -5, Severity.GENERAL, -15, Severity.SERIOUS, -30),
        90, 75, 60);
  }

  public Rating rate(List<CreditRecord> records, Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    List<RatingLine> lines = new ArrayList<>();
    for (CreditRecord record : records) {
      if (record.activeOn(day, zone)) {
        lines.add(new RatingLine(record.id(), record.kind() + "/" + record.severity(),
            deductions.get(record.severity())));
      }
    }
    int raw = base + lines.stream().mapToInt(RatingLine::points).sum();
    if (raw < 0) {
      lines.add(new RatingLine(null, "FLOOR", -raw));
    }
    int score = Math.max(0, raw);
    return new Rating(grade(score), score, base, List.copyOf(lines), version, at);
  }

  private Grade grade(int score) {
    if (score >= minimumForA) {
      return Grade.A;
    }
    if (score >= minimumForB) {
      return Grade.B;
    }
    return score >= minimumForC ? Grade.C : Grade.D;
  }
}
