package cn.worksafety.credit.blacklist.model;

import java.time.Instant;

/** A deadline reminder given once: the decision is due, or publication is due soon or overdue. */
public record Reminder(Kind kind, Instant at) {
  public enum Kind {
    DECISION_DUE,
    PUBLICATION_DUE_SOON,
    PUBLICATION_OVERDUE
  }
}
