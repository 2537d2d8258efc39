package cn.worksafety.enforcement.accident.model;

import cn.worksafety.platform.problem.DomainException;
import java.math.BigDecimal;

/** What an accident cost: deaths, serious injuries and direct economic loss in CNY. */
public record Figures(int deaths, int seriousInjuries, BigDecimal directLoss) {
  static final int MAX_PEOPLE = 100_000;
  static final BigDecimal MAX_LOSS = new BigDecimal("1000000000000");

  public Figures {
    if (deaths < 0 || deaths > MAX_PEOPLE) {
      throw DomainException.invalid("deaths", "must be from 0 to " + MAX_PEOPLE);
    }
    if (seriousInjuries < 0 || seriousInjuries > MAX_PEOPLE) {
      throw DomainException.invalid("seriousInjuries", "must be from 0 to " + MAX_PEOPLE);
    }
    if (directLoss == null || directLoss.signum() < 0 || directLoss.compareTo(MAX_LOSS) > 0
        || directLoss.scale() > 2) {
      throw DomainException.invalid("directLoss", "must be a CNY amount from 0 to "
          + MAX_LOSS.toPlainString() + " with at most 2 decimals");
    }
  }

  public AccidentGrade grade() {
    return AccidentGrade.of(deaths, seriousInjuries, directLoss);
  }
}
