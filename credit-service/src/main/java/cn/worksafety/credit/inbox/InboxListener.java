package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.platform.messaging.IncomingEvents;
import cn.worksafety.platform.messaging.StoreOutages;
import java.time.Duration;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.core.JacksonException;
import cn.worksafety.platform.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns enforcement events into credit effects; types credit has no use for (a closed case) are
 * acknowledged and skipped. An unreadable message goes to the dead-letter queue at once; a store outage is waited out
 * (it is no fault of the message); any other failure is retried a few times, then dead-lettered.
 */
@Component
public class EnforcementEventListener {
  private static final Logger log = LoggerFactory.getLogger(EnforcementEventListener.class);
  private final IncomingEvents events;
  private final CreditFileService files;
  private final StoreOutages outages;

  public EnforcementEventListener(IncomingEvents events, CreditFileService files,
      @Value("${app.inbox.store-retry-max:30s}") Duration maxDelay) {
    this.events = events;
    this.files = files;
    this.outages = new StoreOutages(Duration.ofMillis(500), maxDelay);
  }

  @RabbitListener(queues = "${app.inbox.queue}")
  public void onMessage(Message message) {
    CloudEvent<JsonNode> event;
    try {
      event = events.read(message);
    } catch (JacksonException e) {
      throw new AmqpRejectAndDontRequeueException("not a readable CloudEvent: " + e.getOriginalMessage(), e);
    }
    RequestIds.within(event.requestid(), () -> outages.waitOut(() -> handle(event)));
  }

  private void handle(CloudEvent<JsonNode> event) {
    EventType type = EventType.of(event.type()).orElse(null);
    if (type == null) {
      log.debug("skipping event type {} ({})", event.type(), event.id());
      return;
    }
    switch (type) {
      case CASE_DECIDED -> files.recordPenalty(event.id(), events.data(event, CaseDecided.class));
      case CASE_REVOKED -> files.revokeCase(event.id(), events.data(event, CaseRevoked.class));
      case ACCIDENT_REPORTED -> files.recordAccident(event.id(), events.data(event, AccidentReported.class));
      case ACCIDENT_CONCLUDED -> files.concludeAccident(event.id(), events.data(event, AccidentConcluded.class));
      case HAZARD_OVERDUE ->
          files.recordOverdueHazard(event.id(), event.time().toInstant(), events.data(event, HazardOverdue.class));
      case ENTERPRISE_REGISTERED, ENTERPRISE_UPDATED ->
          files.updateProfile(event.id(), event.sequenceNumber(), events.data(event, EnterpriseRegistered.class));
      default -> log.debug("skipping event type {} ({})", event.type(), event.id());
    }
    log.info("handled {} {} for {}", event.type(), event.id(), event.subject());
  }
}
