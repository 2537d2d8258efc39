package cn.worksafety.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

  @Test
  void acceptsNumbersWhoseCheckCharacterMatches() {
    assertThat(IdNumbers.problem("11010519491231002X")).isEmpty();
    assertThat(IdNumbers.problem("11010519491231002x")).isEmpty();
    assertThat(IdNumbers.problem("440301199001010012")).isEmpty();
  }

  @Test
  void namesWhatIsWrong() {
    assertThat(IdNumbers.problem("110105194912310021")).contains("check character should be X");
    assertThat(IdNumbers.problem("1101051949123100")).contains("must have 18 characters");
    assertThat(IdNumbers.problem("11010519491231A02X")).contains("the first 17 characters must be digits");
    assertThat(IdNumbers.problem(null)).isPresent();
  }

  @Test
  void masksAllButTheFirstThreeAndLastFour() {
    assertThat(IdNumbers.mask("11010519491231002X")).isEqualTo("110***********002X");
    assertThat(IdNumbers.mask("1234")).isEqualTo("****");
    assertThat(IdNumbers.mask(null)).isNull();
  }
}
