package cn.worksafety.credit.scorecard.model;

import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.creditfile.model.Severity;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.FieldError;
import cn.worksafety.platform.problem.ProblemKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scorecard rules as an administrator (or the seed file) writes them, names as text, before they are
 * checked. {@link #rules()} is the one place the rules of a scorecard are checked.
 *
 * @param deductions points per record kind and severity, each zero or less; a kind or severity left
 *     out deducts nothing
 * @param standardizationBonus points per standardization grade, each zero or more
 * @param ageing the share of its points a record still counts once older than some months
 * @param thresholds the lowest score of grades A, B and C
 */
public record ScorecardDraft(String version, Integer base, Map<String, Map<String, Integer>> deductions,
    Map<String, Integer> standardizationBonus, List<Step> ageing, Limits thresholds) {

  /** Version names such as {@code v2} or {@code v2.1}: short, and safe in a path. */
  public static final String VERSION_PATTERN = "v[0-9]{1,4}(\\.[0-9]{1,4}){0,2}";
  /** The standardization grades (安全生产标准化等级) enterprises are registered with. */
  static final Set<String> STANDARDIZATION_GRADES = Set.of("NONE", "LEVEL_1", "LEVEL_2", "LEVEL_3");
  static final int MAX_POINTS = 1000;
  static final int MAX_AGEING_STEPS = 10;

  public record Step(Integer olderThanMonths, Integer percent) {}

  public record Limits(Integer a, Integer b, Integer c) {}

  /** The rules, or a refusal naming every field that breaks one (400 with {@code errors}). */
  public Scorecard rules() {
    List<FieldError> errors = new ArrayList<>();
    if (version == null || !version.matches(VERSION_PATTERN)) {
      errors.add(new FieldError("version", "must look like v2 or v2.1 (" + VERSION_PATTERN + ")"));
    }
    if (base == null || base <= 0 || base > MAX_POINTS) {
      errors.add(new FieldError("base", "must be 1–" + MAX_POINTS));
    }
    Map<RecordKind, Map<Severity, Integer>> points = deductions(errors);
    Map<String, Integer> bonus = bonus(errors);
    List<Scorecard.Ageing> steps = ageing(errors);
    Scorecard.Thresholds limits = thresholds(errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    return new Scorecard(version, base, Map.copyOf(points), Map.copyOf(bonus), List.copyOf(steps), limits);
  }

  private Map<RecordKind, Map<Severity, Integer>> deductions(List<FieldError> errors) {
    Map<RecordKind, Map<Severity, Integer>> points = new EnumMap<>(RecordKind.class);
    if (deductions == null) {
      errors.add(new FieldError("deductions", "must be given, by record kind and severity"));
      return points;
    }
    deductions.forEach((kindName, bySeverity) -> {
      String field = "deductions." + kindName;
      RecordKind kind = known(RecordKind.class, kindName);
      if (kind == null) {
        errors.add(new FieldError(field, "is not a record kind; known: " + List.of(RecordKind.values())));
        return;
      }
      if (bySeverity == null) {
        errors.add(new FieldError(field, "must give points by severity"));
        return;
      }
      Map<Severity, Integer> row = new EnumMap<>(Severity.class);
      bySeverity.forEach((severityName, value) -> {
        Severity severity = known(Severity.class, severityName);
        if (severity == null) {
          errors.add(new FieldError(field + "." + severityName, "is not a severity; known: "
              + List.of(Severity.values())));
        } else if (value == null || value > 0 || value < -MAX_POINTS) {
          errors.add(new FieldError(field + "." + severityName, "must be a deduction: 0 to -" + MAX_POINTS));
        } else {
          row.put(severity, value);
        }
      });
      points.put(kind, Map.copyOf(row));
    });
    return points;
  }

  private Map<String, Integer> bonus(List<FieldError> errors) {
    Map<String, Integer> bonus = new LinkedHashMap<>();
    if (standardizationBonus == null) {
      return bonus;
    }
    standardizationBonus.forEach((grade, value) -> {
      String field = "standardizationBonus." + grade;
      if (!STANDARDIZATION_GRADES.contains(grade)) {
        errors.add(new FieldError(field, "is not a standardization grade; known: "
            + STANDARDIZATION_GRADES.stream().sorted().toList()));
      } else if (value == null || value < 0 || value > MAX_POINTS) {
        errors.add(new FieldError(field, "must be a bonus: 0 to " + MAX_POINTS));
      } else {
        bonus.put(grade, value);
      }
    });
    return bonus;
  }

  private List<Scorecard.Ageing> ageing(List<FieldError> errors) {
    List<Scorecard.Ageing> steps = new ArrayList<>();
    if (ageing == null) {
      return steps;
    }
    if (ageing.size() > MAX_AGEING_STEPS) {
      errors.add(new FieldError("ageing", "at most " + MAX_AGEING_STEPS + " steps"));
      return steps;
    }
    Set<Integer> months = new HashSet<>();
    for (int i = 0; i < ageing.size(); i++) {
      Step step = ageing.get(i);
      String field = "ageing[" + i + "]";
      if (step == null) {
        errors.add(new FieldError(field, "must be a step"));
        continue;
      }
      boolean valid = true;
      if (step.olderThanMonths() == null || step.olderThanMonths() <= 0 || step.olderThanMonths() > 600) {
        errors.add(new FieldError(field + ".olderThanMonths", "must be 1–600"));
        valid = false;
      } else if (!months.add(step.olderThanMonths())) {
        errors.add(new FieldError(field + ".olderThanMonths", "another step starts at the same age"));
        valid = false;
      }
      if (step.percent() == null || step.percent() < 0 || step.percent() > 100) {
        errors.add(new FieldError(field + ".percent", "must be 0–100"));
        valid = false;
      }
      if (valid) {
        steps.add(new Scorecard.Ageing(step.olderThanMonths(), step.percent()));
      }
    }
    return steps;
  }

  private Scorecard.Thresholds thresholds(List<FieldError> errors) {
    if (thresholds == null || thresholds.a() == null || thresholds.b() == null || thresholds.c() == null) {
      errors.add(new FieldError("thresholds", "must give the lowest score of grades a, b and c"));
      return null;
    }
    if (!(thresholds.a() > thresholds.b() && thresholds.b() > thresholds.c() && thresholds.c() > 0)) {
      errors.add(new FieldError("thresholds", "must fall from A to C: a > b > c > 0, was a=" + thresholds.a()
          + ", b=" + thresholds.b() + ", c=" + thresholds.c()));
      return null;
    }
    return new Scorecard.Thresholds(thresholds.a(), thresholds.b(), thresholds.c());
  }

  private static <E extends Enum<E>> E known(Class<E> type, String name) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(name)) {
        return value;
      }
    }
    return null;
  }

  private static DomainException invalid(List<FieldError> errors) {
    List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::field)).toList();
    return new DomainException(ProblemKind.INVALID, "validation-failed", String.join("; ",
        sorted.stream().map(e -> e.field() + ": " + e.message()).toList())).with("errors", sorted);
  }
}
