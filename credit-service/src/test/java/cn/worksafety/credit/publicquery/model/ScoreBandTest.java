package cn.worksafety.credit.publicquery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreBandTest {

  @Test
  void aScoreIsShownAsTheTenPointsItFallsIn() {
    assertThat(ScoreBand.of(0)).isEqualTo("0–9");
    assertThat(ScoreBand.of(9)).isEqualTo("0–9");
    assertThat(ScoreBand.of(80)).isEqualTo("80–89");
    assertThat(ScoreBand.of(89)).isEqualTo("80–89");
    assertThat(ScoreBand.of(102)).isEqualTo("100–109");
    assertThatThrownBy(() -> ScoreBand.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
