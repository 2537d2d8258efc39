package cn.worksafety.credit.supervision.model;

import cn.worksafety.credit.creditfile.model.Grade;
import java.util.List;

/** What a plan draws from one grade: how many there were, at what rate, and which were drawn. */
public record GradeSample(Grade grade, int population, int percent, List<String> drawn) {}
