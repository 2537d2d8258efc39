package cn.worksafety.contracts;

/** The two durable topic exchanges of CONTRACT.md; the routing key of every message is its event type. */
public final class Exchanges {
  public static final String ENFORCEMENT = "enforcement.events";
  public static final String CREDIT = "credit.events";

  private Exchanges() {}
}
