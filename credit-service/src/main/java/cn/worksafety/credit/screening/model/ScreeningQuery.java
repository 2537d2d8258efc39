package cn.worksafety.credit.screening.model;

/** One identifier and/or name to check against the list; {@code ref} is the caller's own, echoed back. */
public record ScreeningQuery(String ref, String uscc, String name) {}
