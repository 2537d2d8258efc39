package cn.worksafety.enforcement.penaltycase.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Paying a fine (行政处罚法 第六十七条、第七十二条): due within 15 days of service; each day late adds
 * 3 % of the fine, and the surcharge never exceeds the fine itself.
 */
public final class FinePayment {
  static final int DAYS_TO_PAY = 15;
  static final BigDecimal DAILY_SURCHARGE = new BigDecimal("0.03");

  private FinePayment() {}

  public static LocalDate dueDate(LocalDate servedOn) {
    return servedOn.plusDays(DAYS_TO_PAY);
  }

  /** The late surcharge on {@code fine} when it is paid on {@code paidOn}. */
  public static BigDecimal surcharge(BigDecimal fine, LocalDate servedOn, LocalDate paidOn) {
    long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate(servedOn), paidOn));
    BigDecimal surcharge = fine.multiply(DAILY_SURCHARGE).multiply(BigDecimal.valueOf(daysLate));
    return surcharge.min(fine).setScale(2, RoundingMode.HALF_UP);
  }
}
