package cn.worksafety.credit.sanction.model;

import java.time.Instant;
import java.time.LocalDate;

/** One reported outcome for one measure, as the department gave it; feedback is only ever appended. */
public record Feedback(String measure, Outcome outcome, String reference, LocalDate date, String reason,
    Instant reportedAt, String reportedBy) {}
