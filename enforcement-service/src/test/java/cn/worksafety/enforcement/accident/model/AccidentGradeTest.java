package cn.worksafety.enforcement.accident.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md's accident table, boundary by boundary, for each measure alone and for the worst of three. */
class AccidentGradeTest {

  @ParameterizedTest(name = "{0} deaths → {1}")
  @CsvSource({"0, ORDINARY", "2, ORDINARY", "3, MAJOR", "9, MAJOR", "10, SERIOUS", "29, SERIOUS",
      "30, ESPECIALLY_SERIOUS", "500, ESPECIALLY_SERIOUS"})
  void byDeaths(int deaths, AccidentGrade grade) {
    assertThat(AccidentGrade.of(deaths, 0, BigDecimal.ZERO)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "{0} serious injuries → {1}")
  @CsvSource({"9, ORDINARY", "10, MAJOR", "49, MAJOR", "50, SERIOUS", "99, SERIOUS", "100, ESPECIALLY_SERIOUS"})
  void bySeriousInjuries(int injuries, AccidentGrade grade) {
    assertThat(AccidentGrade.of(0, injuries, BigDecimal.ZERO)).isEqualTo(grade);
  }

  @ParameterizedTest(name = "{0} CNY → {1}")
  @CsvSource({"9999999.99, ORDINARY", "10000000, MAJOR", "49999999.99, MAJOR", "50000000, SERIOUS",
      "99999999.99, SERIOUS", "100000000, ESPECIALLY_SERIOUS"})
  void byDirectLoss(String loss, AccidentGrade grade) {
    assertThat(AccidentGrade.of(0, 0, new BigDecimal(loss))).isEqualTo(grade);
  }

  @ParameterizedTest(name = "{0} deaths, {1} injuries, {2} CNY → {3}")
  @CsvSource({"3, 50, 0, SERIOUS", "0, 10, 100000000, ESPECIALLY_SERIOUS", "12, 0, 10000000, SERIOUS",
      "2, 9, 9999999.99, ORDINARY"})
  void theWorstOfTheThree(int deaths, int injuries, String loss, AccidentGrade grade) {
    assertThat(AccidentGrade.of(deaths, injuries, new BigDecimal(loss))).isEqualTo(grade);
  }
}
