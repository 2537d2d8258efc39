package cn.worksafety.credit.scorecard.web;

import cn.worksafety.credit.scorecard.model.SimulatedChange;
import io.swagger.v3.oas.annotations.media.Schema;

/** An enterprise the simulated version rates differently from the version in force. */
public record ChangeView(
    @Schema(example = "914403001922038216") String uscc,
    @Schema(example = "深圳市华安化工有限公司") String name,
    Rated before,
    Rated after) {

  public record Rated(@Schema(example = "C") String grade, @Schema(example = "70") int score) {}

  static ChangeView of(SimulatedChange c) {
    return new ChangeView(c.uscc(), c.name(), new Rated(c.beforeGrade().name(), c.beforeScore()),
        new Rated(c.afterGrade().name(), c.afterScore()));
  }
}
