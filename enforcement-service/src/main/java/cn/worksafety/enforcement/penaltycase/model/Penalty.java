package cn.worksafety.enforcement.penaltycase.model;

import cn.worksafety.platform.problem.DomainException;
import java.math.BigDecimal;

/** One penalty: a kind, with an amount in CNY for fines and confiscations, a period for suspensions. */
public record Penalty(PenaltyKind kind, BigDecimal amount, Integer periodDays) {
  static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
  static final int MAX_PERIOD_DAYS = 365;

  public Penalty {
    if (kind == null) {
      throw DomainException.invalid("penalties", "every penalty needs a kind");
    }
    if (kind.needsAmount()) {
      if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
        throw DomainException.invalid("penalties", kind + " needs an amount above 0 and at most "
            + MAX_AMOUNT.toPlainString() + " CNY, with at most 2 decimals");
      }
    } else if (amount != null) {
      throw DomainException.invalid("penalties", kind + " takes no amount");
    }
    if (kind.needsPeriod()) {
      if (periodDays == null || periodDays < 1 || periodDays > MAX_PERIOD_DAYS) {
        throw DomainException.invalid("penalties", kind + " needs periodDays from 1 to " + MAX_PERIOD_DAYS);
      }
    } else if (periodDays != null) {
      throw DomainException.invalid("penalties", kind + " takes no periodDays");
    }
  }

  /**
   * A serious penalty (较重的行政处罚): a fine or confiscation from {@code largeAmountFrom}, a suspension,
   * a licence measure or closure. It needs collective review (Art. 57) and gives the party the right
   * to a hearing (Art. 63).
   */
  public boolean isSerious(BigDecimal largeAmountFrom) {
    return switch (kind) {
      case WARNING -> false;
      case FINE, CONFISCATION -> amount.compareTo(largeAmountFrom) >= 0;
      default -> true;
    };
  }

  /** Whether this penalty is no heavier than {@code proposed} of the same kind. */
  boolean noHeavierThan(Penalty proposed) {
    if (proposed.kind != kind) {
      return false;
    }
    if (kind.needsAmount()) {
      return amount.compareTo(proposed.amount) <= 0;
    }
    if (kind.needsPeriod()) {
      return periodDays <= proposed.periodDays;
    }
    return true;
  }
}
