package cn.worksafety.credit.supervision.model;

import cn.worksafety.credit.creditfile.model.Grade;

/** An enterprise of the region with the grade it has when the plan is drawn, and whether it is on the list. */
public record Candidate(String uscc, Grade grade, boolean listed) {

  public Candidate(String uscc, Grade grade) {
    this(uscc, grade, false);
  }
}
