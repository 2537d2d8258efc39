package cn.worksafety.credit.creditfile.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The rules that turn records into a rating, kept as versioned data so a rating always says which
 * rules produced it: a base score; points per active record by kind and severity, counting less as
 * the record ages; a bonus by standardization grade; grade thresholds. A listed enterprise is D
 * whatever its score.
 *
 * @param deductions points (zero or less) per record kind and severity
 * @param standardizationBonus points (zero or more) per standardization grade (安全生产标准化等级)
 * @param ageing the share of its points a record still counts once older than some months
 * @param thresholds the lowest score of grades A, B and C; below C is D
 */
public record Scorecard(String version, int base, Map<RecordKind, Map<Severity, Integer>> deductions,
    Map<String, Integer> standardizationBonus, List<Ageing> ageing, Thresholds thresholds) {

  /** A record older than {@code olderThanMonths} counts {@code percent} % of its points. */
  public record Ageing(int olderThanMonths, int percent) {}

  public record Thresholds(int a, int b, int c) {}

  public static final String LISTED_RULE = "LISTED⇒D";

  public Scorecard {
    ageing = ageing.stream().sorted(Comparator.comparingInt(Ageing::olderThanMonths)).toList();
  }

  public Rating rate(List<CreditRecord> records, Profile profile, boolean listed, Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    List<RatingLine> lines = new ArrayList<>();
    for (CreditRecord record : records) {
      if (record.activeAt(at, zone)) {
        lines.add(line(record, day, zone));
      }
    }
    Integer bonus = profile == null ? null : standardizationBonus.get(profile.standardizationGrade());
    if (bonus != null && bonus != 0) {
      lines.add(new RatingLine(null, "STANDARDIZATION/" + profile.standardizationGrade(), bonus));
    }
    int raw = base + lines.stream().mapToInt(RatingLine::points).sum();
    if (raw < 0) {
      lines.add(new RatingLine(null, "FLOOR", -raw));
    }
    int score = Math.max(0, raw);
    if (listed) {
      lines.add(new RatingLine(null, LISTED_RULE, 0));
    }
    return new Rating(listed ? Grade.D : grade(score), score, base, List.copyOf(lines), version, at);
  }

  private RatingLine line(CreditRecord record, LocalDate day, ZoneId zone) {
    int full = deductions.getOrDefault(record.kind(), Map.of()).getOrDefault(record.severity(), 0);
    String rule = record.kind() + "/" + record.severity();
    LocalDate occurred = record.occurredAt().atZone(zone).toLocalDate();
    Ageing applies = null;
    for (Ageing step : ageing) {
      if (!day.isBefore(occurred.plus(Period.ofMonths(step.olderThanMonths())))) {
        applies = step;
      }
    }
    if (applies == null) {
      return new RatingLine(record.id(), rule, full);
    }
    // Integer points, rounded towards zero, so the lines always add up to the score exactly.
    return new RatingLine(record.id(), rule + " ×" + applies.percent() + "% (older than "
        + applies.olderThanMonths() + " months)", full * applies.percent() / 100);
  }

  public Grade grade(int score) {
    if (score >= thresholds.a()) {
      return Grade.A;
    }
    if (score >= thresholds.b()) {
      return Grade.B;
    }
    return score >= thresholds.c() ? Grade.C : Grade.D;
  }
}
