package cn.worksafety.credit.creditfile.model;

import java.time.Period;

/**
 * Severity of a credit record and how long it is published (信用修复管理办法, 2026): minor up to 3
 * months, general 3 months – 1 year, serious 1 – 3 years. The first scorecard publishes each for the
 * longest period its band allows.
 */
public enum Severity {
  MINOR(Period.ofMonths(3)),
  GENERAL(Period.ofYears(1)),
  SERIOUS(Period.ofYears(3));

  private final Period publicationPeriod;

  Severity(Period publicationPeriod) {
    this.publicationPeriod = publicationPeriod;
  }

  public Period publicationPeriod() {
    return publicationPeriod;
  }
}
