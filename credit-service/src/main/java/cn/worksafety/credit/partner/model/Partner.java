package cn.worksafety.credit.partner.model;

import cn.worksafety.platform.problem.DomainException;
import java.time.Instant;
import java.util.List;

/** A member department of joint sanctions (联合惩戒成员单位) and the measures it applies. */
public record Partner(String code, String name, List<String> measures, Instant registeredAt) {
  private static final String CODE = "[a-z0-9-]{2,32}";

  public Partner {
    if (code == null || !code.matches(CODE)) {
      throw DomainException.invalid("code", "must be 2–32 lower-case letters, digits or '-'");
    }
    measures = List.copyOf(measures);
  }

  /** The partner's own durable queue on {@code credit.events}. */
  public String queue() {
    return "partner." + code;
  }

  public String deadLetterQueue() {
    return queue() + ".dlq";
  }
}
