package cn.worksafety.credit.creditfile.model;

/** One line of a rating's explanation: which record, under which rule, how many points. */
public record RatingLine(String recordId, String rule, int points) {}
