package cn.worksafety.enforcement.accident.model;

import java.math.BigDecimal;

/**
 * 生产安全事故 grades (生产安全事故报告和调查处理条例 Art. 3). An accident takes the worst grade any of
 * its three measures reaches: deaths, serious injuries, direct economic loss.
 */
public enum AccidentGrade {
  /** 一般: below every threshold of the grades above. */
  ORDINARY(0, 0, "0"),
  /** 较大: 3–9 deaths, 10–49 serious injuries, or 10 M – 50 M CNY. */
  MAJOR(3, 10, "10000000"),
  /** 重大: 10–29 deaths, 50–99 serious injuries, or 50 M – 100 M CNY. */
  SERIOUS(10, 50, "50000000"),
  /** 特别重大: 30 or more deaths, 100 or more serious injuries, or 100 M CNY and more. */
  ESPECIALLY_SERIOUS(30, 100, "100000000");

  private final int deathsFrom;
  private final int seriousInjuriesFrom;
  private final BigDecimal directLossFrom;

  AccidentGrade(int deathsFrom, int seriousInjuriesFrom, String directLossFrom) {
    this.deathsFrom = deathsFrom;
    this.seriousInjuriesFrom = seriousInjuriesFrom;
    this.directLossFrom = new BigDecimal(directLossFrom);
  }

  public static AccidentGrade of(int deaths, int seriousInjuries, BigDecimal directLoss) {
    AccidentGrade worst = ORDINARY;
    for (AccidentGrade grade : values()) {
      boolean reached = deaths >= grade.deathsFrom || seriousInjuries >= grade.seriousInjuriesFrom
          || directLoss.compareTo(grade.directLossFrom) >= 0;
      if (reached) {
        worst = grade;
      }
    }
    return worst;
  }
}
