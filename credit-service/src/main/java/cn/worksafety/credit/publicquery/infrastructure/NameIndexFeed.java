package cn.worksafety.credit.publicquery.infrastructure;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.application.NameIndexing;
import cn.worksafety.platform.messaging.IncomingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.ListenerContainerConsumerFailedEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Hands the enterprise events of this replica's queue to the name index, and starts the walks
 * through the store. A queue of a replica's own lives only as long as its connection, and events
 * published while it did not exist never reach it; so the first walk begins once the context is
 * ready (the queue declared and consumed from), and whenever consumption starts on a queue that did
 * not exist when the last walk began (the broker was away at start, a connection was lost), the index
 * walks the store again to catch up.
 *
 * <p>One gap is left: an event published before this replica's queue existed that the shared inbox
 * applies only after the walk has read its enterprise (a backlog in the inbox while the replica
 * starts) reaches the index neither way; the next walk brings it in.
 */
@Component
public class NameIndexFeed implements MessageListener {
  private static final Logger log = LoggerFactory.getLogger(NameIndexFeed.class);
  private final NameIndexing indexing;
  private final IncomingEvents events;
  private final Queue queue;
  private final AmqpAdmin admin;
  private boolean started;
  private String walkedAfter;

  public NameIndexFeed(NameIndexing indexing, IncomingEvents events, @Qualifier("nameIndexQueue") Queue queue,
      AmqpAdmin admin) {
    this.indexing = indexing;
    this.events = events;
    this.queue = queue;
    this.admin = admin;
  }

  @Override
  public void onMessage(Message message) {
    try {
      CloudEvent<JsonNode> event = events.read(message);
      if (EventType.of(event.type()).filter(NameIndexQueueConfiguration.NAMING::contains).isEmpty()) {
        return;
      }
      EnterpriseRegistered enterprise = events.data(event, EnterpriseRegistered.class);
      indexing.eventArrived(new RegisteredName(enterprise.uscc(), enterprise.name(), enterprise.region(),
          event.sequenceNumber()));
    } catch (RuntimeException e) {
      // the index is a cache: what it cannot take is left to the next walk, never retried against the queue
      log.warn("name index: event not applied ({}); the next walk through the store will catch up", e.toString());
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public synchronized void start() {
    started = true;
    walkedAfter = queue.getActualName();
    indexing.walk();
  }

  /**
   * A consumer failed: if it is because this replica's queue is gone while its connection is not (an
   * operator deleted it), declare a new one, which only a new connection would do otherwise.
   */
  @EventListener
  public void consumerFailed(ListenerContainerConsumerFailedEvent failed) {
    try {
      if (admin.getQueueInfo(queue.getActualName()) == null) {
        log.warn("name index: queue {} is gone; declaring a new one", queue.getActualName());
        admin.initialize();
      }
    } catch (AmqpException e) {
      log.debug("name index: cannot check the queue now ({}); a new connection declares it", e.toString());
    }
  }

  @EventListener
  public synchronized void consuming(ConsumeOkEvent consumeOk) {
    String consumed = consumeOk.getQueue();
    if (started && consumed.equals(queue.getActualName()) && !consumed.equals(walkedAfter)) {
      log.info("name index: consuming from a new queue {}; walking the store for what came meanwhile", consumed);
      walkedAfter = consumed;
      indexing.walk();
    }
  }
}
