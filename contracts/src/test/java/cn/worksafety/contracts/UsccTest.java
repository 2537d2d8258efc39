package cn.worksafety.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

  @ParameterizedTest
  @ValueSource(strings = {"914403001922038216", "91110000802100433B", "9144030071526726XG"})
  void acceptsTheStandardsExamples(String code) {
    assertThat(Uscc.problem(code)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"91440300192203821", "9144030019220382160", ""})
  void rejectsWrongLength(String code) {
    assertThat(Uscc.problem(code)).contains("must be 18 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"9144030019220382I6", "914403001922038O16", "91440300192203S216", "914403001922V38216", "91440300192Z038216", "914403001922038a16"})
  void rejectsCharactersOutsideTheCharset(String code) {
    assertThat(Uscc.problem(code)).hasValueSatisfying(p -> assertThat(p).contains("is not allowed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"914403001922038217"})
  void namesTheExpectedCheckCharacter(String code) {
    assertThat(Uscc.problem(code)).contains("check character should be '6'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"91440300192203821", "91110000802100433", "9144030071526726X"})
  void computesTheCheckCharacter(String first17) {
    String full = first17 + Uscc.checkCharacter(first17);
    assertThat(Uscc.isValid(full)).isTrue();
  }

  @org.junit.jupiter.api.Test
  void tellsAHistoricCodeWithOnlyAWrongCheckCharacterFromAMalformedOne() {
    assertThat(Uscc.failsOnlyTheCheckCharacter("914403001922038217")).isTrue();
    assertThat(Uscc.failsOnlyTheCheckCharacter("914403001922038216")).as("valid").isFalse();
    assertThat(Uscc.failsOnlyTheCheckCharacter("9144030019220382I7")).as("bad character").isFalse();
    assertThat(Uscc.failsOnlyTheCheckCharacter("91440300192203821")).as("short").isFalse();
    assertThat(Uscc.failsOnlyTheCheckCharacter(null)).isFalse();
  }
}
