package cn.worksafety.credit.screening.model;

import java.time.LocalDate;

/** An entry in force on the serious-dishonesty list, as screening sees it. */
public record ListedUnit(String entryId, String uscc, String unitName, LocalDate startDate, LocalDate endDate) {}
