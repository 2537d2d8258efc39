package cn.worksafety.credit.scorecard.model;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.creditfile.model.Rating;

/** An enterprise a draft would rate differently from the version in force. */
public record SimulatedChange(String uscc, String name, Grade beforeGrade, int beforeScore, Grade afterGrade,
    int afterScore) {

  public static SimulatedChange of(String uscc, String name, Rating before, Rating after) {
    return new SimulatedChange(uscc, name, before.grade(), before.score(), after.grade(), after.score());
  }
}
