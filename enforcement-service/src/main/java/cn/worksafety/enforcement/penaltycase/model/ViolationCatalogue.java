package cn.worksafety.enforcement.penaltycase.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The violations a decision may cite, and the rule that a decision stays inside what the cited
 * provisions allow: only the penalty kinds they name, and a total fine between the sum of their
 * minimums and the sum of their maximums (each violation is fined on its own and the fines are added).
 */
public final class ViolationCatalogue {
  private final Map<String, Violation> byCode = new LinkedHashMap<>();

  public ViolationCatalogue(Collection<Violation> violations) {
    for (Violation v : violations) {
      if (byCode.put(v.code(), v) != null) {
        throw new IllegalArgumentException("violation code " + v.code() + " appears twice");
      }
    }
  }

  public List<Violation> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Violation> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** The cited violations, refusing a code the catalogue does not know. */
  public List<Violation> cited(List<String> codes) {
    return codes.stream().distinct().map(code -> find(code).orElseThrow(() -> DomainException.invalid(
        "violationCodes", "unknown violation code " + code + "; the catalogue is at /api/enforcement/violations")))
        .toList();
  }

  /** Refuses penalties the cited violations do not allow, naming the allowed kinds and fine range. */
  public void checkWithin(List<Violation> cited, List<Penalty> penalties) {
    for (Penalty penalty : penalties) {
      if (cited.stream().noneMatch(v -> v.penaltyKinds().contains(penalty.kind()))) {
        throw new DomainException(ProblemKind.RULE_VIOLATION, "penalty-outside-catalogue",
            penalty.kind() + " is not a penalty the cited provisions allow")
            .with("allowedKinds", cited.stream().flatMap(v -> v.penaltyKinds().stream()).distinct().sorted()
                .map(Enum::name).toList());
      }
    }
    BigDecimal fine = penalties.stream().filter(p -> p.kind() == PenaltyKind.FINE).map(Penalty::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    if (fine.signum() == 0) {
      return;
    }
    List<Violation> fining = cited.stream().filter(v -> v.penaltyKinds().contains(PenaltyKind.FINE)).toList();
    BigDecimal min = fining.stream().map(Violation::fineMin).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal max = fining.stream().map(Violation::fineMax).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (fine.compareTo(min) < 0 || fine.compareTo(max) > 0) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "fine-outside-range",
          "the fine of " + fine.toPlainString() + " CNY lies outside what " + fining.stream().map(Violation::code)
              .collect(Collectors.joining(", ")) + " allow: " + min.toPlainString() + " to " + max.toPlainString()
              + " CNY")
          .with("fineMin", min.toPlainString()).with("fineMax", max.toPlainString());
    }
  }

  /** The legal basis of the cited violations, for a decision that does not state its own. */
  public static String legalBasisOf(List<Violation> cited) {
    return cited.stream().map(Violation::legalBasis).distinct().collect(Collectors.joining("；"));
  }
}
