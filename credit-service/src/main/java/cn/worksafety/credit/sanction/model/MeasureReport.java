package cn.worksafety.credit.sanction.model;

import java.time.LocalDate;

/** What a department reports for a measure: its own reference and date, or why it does not apply. */
public record MeasureReport(String measure, Outcome outcome, String reference, LocalDate date, String reason) {}
