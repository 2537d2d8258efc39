package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** Who did what to the listing, when. */
public record StepRecord(String step, Instant at, String by) {}
