package cn.worksafety.enforcement.penaltycase.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 行政处罚法 第六十七条、第七十二条: 15 days to pay, then 3 % of the fine a day, never more than the fine. */
class FinePaymentTest {
  static final LocalDate SERVED = LocalDate.of(2026, 11, 2);

  @ParameterizedTest(name = "paid {0} → surcharge {1}")
  @CsvSource({"2026-11-03, 0.00", "2026-11-17, 0.00", "2026-11-18, 300.00", "2026-11-27, 3000.00",
      "2026-12-20, 9900.00", "2026-12-21, 10000.00", "2027-06-01, 10000.00"})
  void surcharge(LocalDate paidOn, String expected) {
    assertThat(FinePayment.surcharge(new BigDecimal("10000.00"), SERVED, paidOn)).isEqualByComparingTo(expected);
  }

  @ParameterizedTest(name = "33 days late on {0} is capped at the fine")
  @CsvSource({"1234.56", "50000"})
  void theSurchargeNeverExceedsTheFine(String fine) {
    assertThat(FinePayment.surcharge(new BigDecimal(fine), SERVED, SERVED.plusDays(15 + 34)))
        .isEqualByComparingTo(fine);
  }
}
