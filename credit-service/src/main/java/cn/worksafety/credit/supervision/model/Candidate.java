package cn.worksafety.credit.supervision.model;

import cn.worksafety.credit.creditfile.model.Grade;

/** An enterprise of the region with the grade it has when the plan is drawn. */
public record Candidate(String uscc, Grade grade) {}
