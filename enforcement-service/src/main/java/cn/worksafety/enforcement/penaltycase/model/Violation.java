package cn.worksafety.enforcement.penaltycase.model;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One entry of the violation catalogue (违法行为目录): what the violation is, where the law names it,
 * how serious it is, and the penalties and fine range (CNY) the law allows for it.
 */
public record Violation(String code, String description, String legalBasis, Severity severity, BigDecimal fineMin,
    BigDecimal fineMax, Set<PenaltyKind> penaltyKinds) {

  public Violation {
    if (fineMin.compareTo(fineMax) > 0) {
      throw new IllegalArgumentException(code + ": fine minimum above maximum");
    }
    penaltyKinds = Set.copyOf(penaltyKinds);
  }

  /** 轻微 / 一般 / 严重, as the credit rules grade records. */
  public enum Severity { MINOR, GENERAL, SERIOUS }
}
