package cn.worksafety.credit.inbox;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.contracts.events.BlacklistEntered;
import cn.worksafety.contracts.events.BlacklistRemoved;
import cn.worksafety.contracts.events.BlacklistRestored;
import cn.worksafety.contracts.events.CaseClosed;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.blacklist.application.BlacklistService;
import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.sanction.application.SanctionService;
import cn.worksafety.platform.messaging.IncomingEvents;
import cn.worksafety.platform.messaging.StoreOutages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.core.JacksonException;
import cn.worksafety.platform.requestid.RequestIds;
import cn.worksafety.platform.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns enforcement events into credit effects: credit records, listing proposals when a listing
 * condition is met, and closed cases for credit repair; and credit's own listing events into the
 * listed periods of credit files and the departments' sanction tasks. Types credit has no use for are acknowledged and skipped. Every
 * effect is idempotent, and the listing check runs even when the record was already there, so a
 * crash between the two is made good by the redelivery. An unreadable message goes to the dead-letter queue at once; a store outage is waited out
 * (it is no fault of the message); any other failure is retried a few times, then dead-lettered.
 */
@Component
public class InboxListener {
  private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
  private final IncomingEvents events;
  private final CreditFileService files;
  private final BlacklistService blacklist;
  private final SanctionService sanctions;
  private final StoreOutages outages;
  private final Timer handling;
  private final TraceContexts traces;

  public InboxListener(IncomingEvents events, CreditFileService files, BlacklistService blacklist,
      SanctionService sanctions, @Value("${app.inbox.store-retry-max:30s}") Duration maxDelay, MeterRegistry metrics,
      TraceContexts traces) {
    this.events = events;
    this.traces = traces;
    this.files = files;
    this.blacklist = blacklist;
    this.sanctions = sanctions;
    this.outages = new StoreOutages(Duration.ofMillis(500), maxDelay);
    this.handling = Timer.builder("credit.inbox.handling")
        .description("from reading an event to its effects stored (records, rating, listing check)")
        .publishPercentiles(0.5, 0.99).register(metrics);
  }

  @RabbitListener(queues = "${app.inbox.queue}")
  public void onMessage(Message message) {
    CloudEvent<JsonNode> event;
    try {
      event = events.read(message);
    } catch (JacksonException e) {
      throw new AmqpRejectAndDontRequeueException("not a readable CloudEvent: " + e.getOriginalMessage(), e);
    }
    handling.record(() -> traces.continueTrace(event.traceparent(), "credit.inbox " + event.type(),
        () -> RequestIds.within(event.requestid(), () -> outages.waitOut(() -> handle(event)))));
  }

  private void handle(CloudEvent<JsonNode> event) {
    EventType type = EventType.of(event.type()).orElse(null);
    if (type == null) {
      log.debug("skipping event type {} ({})", event.type(), event.id());
      return;
    }
    switch (type) {
      case CASE_DECIDED -> {
        blacklist.evaluate(files.recordPenalty(event.id(), events.data(event, CaseDecided.class)));
      }
      case CASE_CLOSED -> {
        CaseClosed closed = events.data(event, CaseClosed.class);
        blacklist.caseClosed(closed.caseId(), closed.closedAt().toInstant());
      }
      case CASE_REVOKED -> {
        CaseRevoked revoked = events.data(event, CaseRevoked.class);
        files.revokeCase(event.id(), revoked);
        blacklist.caseRevoked(revoked.caseId(), revoked.revokedAt().toInstant(), revoked.reason());
      }
      case ACCIDENT_REPORTED -> {
        blacklist.evaluate(files.recordAccident(event.id(), events.data(event, AccidentReported.class)));
      }
      case ACCIDENT_CONCLUDED -> {
        blacklist.evaluate(files.concludeAccident(event.id(), events.data(event, AccidentConcluded.class)));
      }
      case HAZARD_OVERDUE ->
          files.recordOverdueHazard(event.id(), event.time().toInstant(), events.data(event, HazardOverdue.class));
      case ENTERPRISE_REGISTERED, ENTERPRISE_UPDATED -> {
        EnterpriseRegistered enterprise = events.data(event, EnterpriseRegistered.class);
        files.updateProfile(event.id(), event.sequenceNumber(), enterprise)
            .ifPresent(profile -> blacklist.enterpriseRenamed(enterprise.uscc(), profile.name()));
      }
      case BLACKLIST_ENTERED -> {
        BlacklistEntered entered = events.data(event, BlacklistEntered.class);
        files.recordListing(event.id(), entered.uscc(), entered.entryId(), event.time().toInstant());
        sanctions.issue(entered, event.time().toInstant());
      }
      case BLACKLIST_RESTORED -> {
        BlacklistRestored restored = events.data(event, BlacklistRestored.class);
        files.recordListing(event.id(), restored.uscc(), restored.entryId(), restored.restoredAt().toInstant());
        sanctions.entryRestored(restored.entryId(), restored.restoredAt().toInstant());
      }
      case BLACKLIST_REMOVED -> {
        BlacklistRemoved removed = events.data(event, BlacklistRemoved.class);
        files.recordDelisting(event.id(), removed.uscc(), removed.entryId(), removed.effectiveAt().toInstant());
        sanctions.entryRemoved(removed.entryId(), removed.effectiveAt().toInstant());
      }
      default -> log.debug("skipping event type {} ({})", event.type(), event.id());
    }
    log.info("handled {} {} for {}", event.type(), event.id(), event.subject());
  }
}
