package cn.worksafety.credit.partner.application;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.credit.partner.model.BrokerCredentials;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.partner.model.Secrets;
import cn.worksafety.credit.partner.model.Webhook;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Registering and removing member departments. The registry entry is taken first (the unique code
 * decides between two registrations), then the broker is provisioned; if that fails the entry is
 * given back, so a registered partner always has its queue and credentials.
 */
@Service
public class PartnerService {
  private static final Logger log = LoggerFactory.getLogger(PartnerService.class);
  private final Partners partners;
  private final PartnerChannels channels;
  private final WebhookDeliveries webhooks;
  private final WebhookUrlPolicy webhookUrls;
  private final MeasureCatalogue catalogue;
  private final Clock clock;

  public PartnerService(Partners partners, PartnerChannels channels, WebhookDeliveries webhooks,
      WebhookUrlPolicy webhookUrls, MeasureCatalogue catalogue, Clock clock) {
    this.partners = partners;
    this.channels = channels;
    this.webhooks = webhooks;
    this.webhookUrls = webhookUrls;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * What a department reads its events with, shown once: broker credentials, or for a webhook
   * department the secret its deliveries are signed with.
   */
  public record Access(BrokerCredentials credentials, String webhookSecret) {

    /** Never the secret: records are logged. */
    @Override
    public String toString() {
      return "Access[" + (credentials == null ? "webhook" : credentials) + "]";
    }
  }

  public record Registered(Partner partner, Access access) {}

  /** {@code webhookUrl} null: the department reads its queue itself, with broker credentials. */
  public Registered register(String code, String name, List<String> measures, List<String> eventTypes,
      String webhookUrl) {
    Webhook webhook = webhookUrl == null ? null : new Webhook(webhookUrls.check(webhookUrl), Secrets.random());
    Partner partner = new Partner(code, name.strip(), measures, eventTypes, webhook, clock.instant());
    requireKnownMeasures(measures);
    requireCreditEventTypes(eventTypes);
    if (!partners.add(partner)) {
      throw new DomainException(ProblemKind.CONFLICT, "duplicate-partner", "partner " + code + " is already registered")
          .with("code", code);
    }
    try {
      channels.declareQueues(partner);
      if (partner.byWebhook()) {
        webhooks.start(partner);
        return new Registered(partner, new Access(null, webhook.secret()));
      }
      return new Registered(partner, new Access(channels.issueCredentials(partner), null));
    } catch (RuntimeException e) {
      undo(partner);
      throw e;
    }
  }

  /** A registration that failed part-way leaves neither a registry entry nor queues and a user behind. */
  private void undo(Partner partner) {
    try {
      channels.revoke(partner);
    } catch (RuntimeException e) {
      log.warn("registration of {} failed and its queues and user could not be removed either; removing the "
          + "department again will: {}", partner.code(), e.toString());
    }
    partners.remove(partner.code());
  }

  /**
   * A new name, measures and event types. The queue is rebound first: if the broker cannot be
   * reached nothing changes; if the store then fails, the same update again finishes it.
   */
  public Partner update(String code, String name, List<String> measures, List<String> eventTypes) {
    requireKnownMeasures(measures);
    requireCreditEventTypes(eventTypes);
    Partner before = get(code);
    Partner changed = new Partner(code, name.strip(), measures, eventTypes, before.webhook(), before.registeredAt());
    channels.rebind(before, changed);
    partners.update(changed);
    return changed;
  }

  /** New credentials, or a new webhook secret; the old ones stop working at once. */
  public Access renewAccess(String code) {
    Partner partner = get(code);
    if (partner.byWebhook()) {
      Webhook renewed = new Webhook(partner.webhook().url(), Secrets.random());
      partners.replaceWebhook(code, renewed);
      return new Access(null, renewed.secret());
    }
    return new Access(channels.issueCredentials(partner), null);
  }

  /** Revokes the broker side first: a department still listed here could otherwise go on reading. */
  public void remove(String code) {
    Partner partner = get(code);
    if (partner.byWebhook()) {
      webhooks.stop(partner);
    }
    channels.revoke(partner);
    partners.remove(code);
  }

  public Partner get(String code) {
    return partners.find(code).orElseThrow(() -> DomainException.notFound("partner", code));
  }

  public List<Partner> all() {
    return partners.all();
  }

  private void requireKnownMeasures(List<String> measures) {
    Set<String> known = catalogue.measureCodes();
    List<String> unknown = measures.stream().filter(m -> !known.contains(m)).toList();
    if (!unknown.isEmpty()) {
      throw DomainException.invalid("measures", "not in the measure catalogue (GET /api/credit/measures): " + unknown);
    }
  }

  private static void requireCreditEventTypes(List<String> eventTypes) {
    List<String> unknown = EventType.notOn(Exchanges.CREDIT, eventTypes);
    if (!unknown.isEmpty()) {
      throw DomainException.invalid("eventTypes", "not credit event types: " + unknown);
    }
  }
}
