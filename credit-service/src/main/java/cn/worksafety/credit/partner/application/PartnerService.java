package cn.worksafety.credit.partner.application;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.credit.partner.model.BrokerCredentials;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Registering and removing member departments. The registry entry is taken first (the unique code
 * decides between two registrations), then the broker is provisioned; if that fails the entry is
 * given back, so a registered partner always has its queue and credentials.
 */
@Service
public class PartnerService {
  private final Partners partners;
  private final PartnerChannels channels;
  private final MeasureCatalogue catalogue;
  private final Clock clock;

  public PartnerService(Partners partners, PartnerChannels channels, MeasureCatalogue catalogue, Clock clock) {
    this.partners = partners;
    this.channels = channels;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public record Registered(Partner partner, BrokerCredentials credentials) {}

  public Registered register(String code, String name, List<String> measures, List<String> eventTypes) {
    Partner partner = new Partner(code, name.strip(), measures, eventTypes, clock.instant());
    requireKnownMeasures(measures);
    requireCreditEventTypes(eventTypes);
    if (!partners.add(partner)) {
      throw new DomainException(ProblemKind.CONFLICT, "duplicate-partner", "partner " + code + " is already registered")
          .with("code", code);
    }
    try {
      return new Registered(partner, channels.provision(partner));
    } catch (RuntimeException e) {
      partners.remove(code);
      throw e;
    }
  }

  public BrokerCredentials renewCredentials(String code) {
    return channels.renewCredentials(get(code));
  }

  /** Revokes the broker side first: a department still listed here could otherwise go on reading. */
  public void remove(String code) {
    channels.revoke(get(code));
    partners.remove(code);
  }

  public Partner get(String code) {
    return partners.find(code).orElseThrow(() -> DomainException.notFound("partner", code));
  }

  public List<Partner> all() {
    return partners.all();
  }

  private void requireKnownMeasures(List<String> measures) {
    Set<String> known = catalogue.departments().stream().flatMap(d -> d.measures().stream())
        .map(Department.Measure::code).collect(Collectors.toSet());
    List<String> unknown = measures.stream().filter(m -> !known.contains(m)).toList();
    if (!unknown.isEmpty()) {
      throw DomainException.invalid("measures", "not in the measure catalogue (GET /api/credit/measures): " + unknown);
    }
  }

  private static void requireCreditEventTypes(List<String> eventTypes) {
    List<String> unknown = eventTypes.stream().filter(t -> EventType.of(t)
        .filter(e -> e.exchange().equals(Exchanges.CREDIT)).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw DomainException.invalid("eventTypes", "not credit event types: " + unknown);
    }
  }
}
