package cn.worksafety.credit.creditfile.model;

import java.math.BigDecimal;

/** One penalty of a decision, as the credit rules need it. */
public record PenaltyFact(String kind, BigDecimal amount, Integer periodDays) {}
