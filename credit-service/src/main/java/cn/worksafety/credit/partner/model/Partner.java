package cn.worksafety.credit.partner.model;

import cn.worksafety.platform.problem.DomainException;
import java.time.Instant;
import java.util.List;

/**
 * A member department of joint sanctions (联合惩戒成员单位): the catalogue measures it applies and the
 * credit event types it receives (none named: every type, so its {@code sequence} stays gap-free).
 * Its queue is read either by the department itself, with broker credentials of its own, or, for a
 * department without AMQP, by this service, which posts each event to its {@code webhook}.
 */
public record Partner(String code, String name, List<String> measures, List<String> eventTypes, Webhook webhook,
    Instant registeredAt) {
  private static final String CODE = "[a-z0-9-]{2,32}";

  public Partner {
    if (code == null || !code.matches(CODE)) {
      throw DomainException.invalid("code", "must be 2–32 lower-case letters, digits or '-'");
    }
    measures = List.copyOf(measures);
    eventTypes = List.copyOf(eventTypes);
  }

  /** The partner's own durable queue on {@code credit.events}. */
  public String queue() {
    return "partner." + code;
  }

  public String deadLetterQueue() {
    return queue() + ".dlq";
  }

  /** The broker user that may read {@link #queue()} and nothing else. */
  public String brokerUser() {
    return "partner-" + code;
  }

  public boolean byWebhook() {
    return webhook != null;
  }

  public Partner withWebhook(Webhook changed) {
    return new Partner(code, name, measures, eventTypes, changed, registeredAt);
  }

  /** The routing keys its queue is bound with: its event types, or every event. */
  public List<String> bindingKeys() {
    return eventTypes.isEmpty() ? List.of("#") : eventTypes;
  }
}
