package cn.worksafety.credit.creditfile.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * How severe a penalty decision is for credit: the worst of its penalties. A warning is minor; a fine
 * or confiscation is general, serious from {@value #SERIOUS_FINE_CNY} CNY; suspension, licence
 * measures and closure are serious.
 */
public final class PenaltySeverity {
  static final String SERIOUS_FINE_CNY = "100000";
  private static final BigDecimal SERIOUS_FINE = new BigDecimal(SERIOUS_FINE_CNY);

  private PenaltySeverity() {}

  public static Severity of(List<PenaltyFact> penalties) {
    Severity worst = Severity.MINOR;
    for (PenaltyFact p : penalties) {
      Severity s = of(p);
      if (s.compareTo(worst) > 0) {
        worst = s;
      }
    }
    return worst;
  }

  private static Severity of(PenaltyFact p) {
    return switch (p.kind()) {
      case "WARNING" -> Severity.MINOR;
      case "FINE", "CONFISCATION" ->
          p.amount() != null && p.amount().compareTo(SERIOUS_FINE) >= 0 ? Severity.SERIOUS : Severity.GENERAL;
      default -> Severity.SERIOUS;
    };
  }
}
