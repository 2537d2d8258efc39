package cn.worksafety.credit.creditfile.application;

import cn.worksafety.credit.creditfile.model.Scorecard;

/** The scorecard in force: what every rating made now is made with. */
public interface ActiveScorecard {

  Scorecard current();
}
