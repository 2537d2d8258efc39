package cn.worksafety.enforcement.penaltycase.model;

import java.time.Instant;

/** One entry of a case's history: which step, when, by whom. */
public record StepRecord(String step, Instant at, String by) {}
