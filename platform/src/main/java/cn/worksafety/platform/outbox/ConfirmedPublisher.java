package cn.worksafety.platform.outbox;

import cn.worksafety.contracts.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * Publishes one event and says whether the broker took responsibility for it: persistent,
 * {@code mandatory}, and confirmed. A nack, a return (no queue bound) or no confirm in time all mean
 * "not published", so the event stays in the outbox for a later round.
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

  public Outcome publish(String exchange, String eventId, String routingKey, String envelopeJson, String requestId) {
    Message message = MessageBuilder.withBody(envelopeJson.getBytes(StandardCharsets.UTF_8))
        .setContentType(CloudEvent.CONTENT_TYPE)
        .setContentEncoding(StandardCharsets.UTF_8.name())
        .setMessageId(eventId)
        .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
        .setHeaderIfAbsent("X-Request-Id", requestId == null ? "" : requestId)
        .build();
    CorrelationData correlation = new CorrelationData(eventId);
    try {
      rabbit.send(exchange, routingKey, message, correlation);
      CorrelationData.Confirm confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!confirm.ack()) {
        log.warn("broker nacked event {} ({}): {}", eventId, routingKey, confirm.reason());
        return Outcome.FAILED;
      }
      if (correlation.getReturned() != null) {
        log.warn("event {} ({}) was returned by {}: no queue is bound for it yet; it stays in the outbox",
            eventId, routingKey, exchange);
        return Outcome.UNROUTABLE;
      }
      return Outcome.CONFIRMED;
    } catch (AmqpException | ExecutionException | TimeoutException e) {
      log.warn("event {} ({}) not confirmed: {}", eventId, routingKey, e.toString());
      return Outcome.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.FAILED;
    }
  }
}
