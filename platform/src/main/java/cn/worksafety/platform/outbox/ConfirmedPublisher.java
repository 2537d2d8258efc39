package cn.worksafety.platform.outbox;

import cn.worksafety.contracts.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes events and says, for each, whether the broker took responsibility for it: persistent,
 * {@code mandatory}, and confirmed. A nack, a return (no queue bound) or no confirm in time all mean
 * "not published", so the event stays in the outbox for a later round.
 *
 * <p>A batch goes out on one channel, so the broker receives it in order, and its confirms are
 * awaited together: one confirm round trip for the batch instead of one per event.
 */
@Component
public class ConfirmedPublisher {
  private static final Logger log = LoggerFactory.getLogger(ConfirmedPublisher.class);
  private final RabbitTemplate rabbit;
  private final Duration confirmTimeout;

  public ConfirmedPublisher(RabbitTemplate rabbit, OutboxProperties properties) {
    this.rabbit = rabbit;
    this.rabbit.setMandatory(true);
    this.confirmTimeout = properties.confirmTimeout();
  }

  /** What became of one publish. */
  public enum Outcome {
    /** The broker confirmed it and routed it to at least one queue. */
    CONFIRMED,
    /** The broker returned it: no queue is bound for it yet. Other events may still route. */
    UNROUTABLE,
    /** Nacked, unconfirmed in time, or the broker is unreachable. */
    FAILED
  }

  /** One event ready for the wire. */
  public record Outgoing(String eventId, String routingKey, String envelopeJson, String requestId) {}

  /** The outcome of each event, in the order given. */
  public List<Outcome> publishAll(String exchange, List<Outgoing> events) {
    List<CorrelationData> sent = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    try {
      rabbit.invoke(channel -> {
        for (Outgoing event : events) {
          CorrelationData correlation = new CorrelationData(event.eventId());
          channel.send(exchange, event.routingKey(), message(event), correlation);
          sent.add(correlation);
        }
        long deadline = System.nanoTime() + confirmTimeout.toNanos();
        for (int i = 0; i < sent.size(); i++) {
          outcomes.add(outcome(events.get(i), sent.get(i), exchange, deadline));
        }
        return null;
      });
    } catch (AmqpException e) {
      log.warn("{} of {} events sent before the broker failed: {}", sent.size(), events.size(), e.toString());
    }
    while (outcomes.size() < events.size()) {
      outcomes.add(Outcome.FAILED);
    }
    return outcomes;
  }

  private static Message message(Outgoing event) {
    return MessageBuilder.withBody(event.envelopeJson().getBytes(StandardCharsets.UTF_8))
        .setContentType(CloudEvent.CONTENT_TYPE)
        .setContentEncoding(StandardCharsets.UTF_8.name())
        .setMessageId(event.eventId())
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .setHeaderIfAbsent("X-Request-Id", event.requestId() == null ? "" : event.requestId())
        .build();
  }

  private static Outcome outcome(Outgoing event, CorrelationData correlation, String exchange, long deadline) {
    try {
      long wait = Math.max(0, deadline - System.nanoTime());
      CorrelationData.Confirm confirm = correlation.getFuture().get(wait, TimeUnit.NANOSECONDS);
      if (!confirm.ack()) {
        log.warn("broker nacked event {} ({}): {}", event.eventId(), event.routingKey(), confirm.reason());
        return Outcome.FAILED;
      }
      if (correlation.getReturned() != null) {
        log.warn("event {} ({}) was returned by {}: no queue is bound for it yet; it stays in the outbox",
            event.eventId(), event.routingKey(), exchange);
        return Outcome.UNROUTABLE;
      }
      return Outcome.CONFIRMED;
    } catch (ExecutionException | TimeoutException e) {
      log.warn("event {} ({}) not confirmed: {}", event.eventId(), event.routingKey(), e.toString());
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.FAILED;
    }
  }
}
