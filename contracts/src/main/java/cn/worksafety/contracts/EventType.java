package cn.worksafety.contracts;

import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.contracts.events.BlacklistEntered;
import cn.worksafety.contracts.events.BlacklistRemoved;
import cn.worksafety.contracts.events.BlacklistRestored;
import cn.worksafety.contracts.events.BlacklistUpdated;
import cn.worksafety.contracts.events.CaseClosed;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.contracts.events.RatingChanged;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every event type on the wire: its name (also the routing key), the exchange it goes to and the
 * record its {@code data} binds to. The AsyncAPI document lists exactly these (a test checks it).
 */
public enum EventType {
  ENTERPRISE_REGISTERED("enforcement.enterprise.registered", Exchanges.ENFORCEMENT, EnterpriseRegistered.class),
  ENTERPRISE_UPDATED("enforcement.enterprise.updated", Exchanges.ENFORCEMENT, EnterpriseRegistered.class),
  CASE_DECIDED("enforcement.case.decided", Exchanges.ENFORCEMENT, CaseDecided.class),
  CASE_CLOSED("enforcement.case.closed", Exchanges.ENFORCEMENT, CaseClosed.class),
  CASE_REVOKED("enforcement.case.revoked", Exchanges.ENFORCEMENT, CaseRevoked.class),
  ACCIDENT_REPORTED("enforcement.accident.reported", Exchanges.ENFORCEMENT, AccidentReported.class),
  ACCIDENT_CONCLUDED("enforcement.accident.concluded", Exchanges.ENFORCEMENT, AccidentConcluded.class),
  HAZARD_OVERDUE("enforcement.hazard.overdue", Exchanges.ENFORCEMENT, HazardOverdue.class),
  RATING_CHANGED("credit.rating.changed", Exchanges.CREDIT, RatingChanged.class),
  BLACKLIST_ENTERED("credit.blacklist.entered", Exchanges.CREDIT, BlacklistEntered.class),
  BLACKLIST_UPDATED("credit.blacklist.updated", Exchanges.CREDIT, BlacklistUpdated.class),
  BLACKLIST_REMOVED("credit.blacklist.removed", Exchanges.CREDIT, BlacklistRemoved.class),
  BLACKLIST_RESTORED("credit.blacklist.restored", Exchanges.CREDIT, BlacklistRestored.class);

  private final String type;
  private final String exchange;
  private final Class<?> payload;

  EventType(String type, String exchange, Class<?> payload) {
    this.type = type;
    this.exchange = exchange;
    this.payload = payload;
  }

  public String type() {
    return type;
  }

  public String exchange() {
    return exchange;
  }

  public Class<?> payload() {
    return payload;
  }

  /** Where the payload schema lives: the AsyncAPI document published with the contract (an absolute URI, as CloudEvents requires). */
  public URI dataschema() {
    return URI.create(ASYNCAPI + "#/components/schemas/" + payload.getSimpleName());
  }

  public static final String ASYNCAPI = "https://worksafety.cn/contracts/asyncapi.yaml";

  public static Optional<EventType> of(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  /** Those of {@code types} that are not event types published on {@code exchange}, sorted. */
  public static List<String> notOn(String exchange, Collection<String> types) {
    return types.stream().filter(t -> of(t).filter(e -> e.exchange.equals(exchange)).isEmpty()).sorted().toList();
  }
}
