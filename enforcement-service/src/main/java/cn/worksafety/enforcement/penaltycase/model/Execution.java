package cn.worksafety.enforcement.penaltycase.model;

import java.math.BigDecimal;
import java.time.Instant;

/** 执行: when the decision was carried out and, for fines, what was paid including any late surcharge. */
public record Execution(Instant executedAt, BigDecimal amountPaid, BigDecimal surcharge) {}
