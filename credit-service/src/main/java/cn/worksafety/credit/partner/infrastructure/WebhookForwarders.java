package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.credit.partner.application.Partners;
import cn.worksafety.credit.partner.application.WebhookDeliveries;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.partner.model.Webhook;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One consumer per webhook department on its queue, on every instance: each message is posted to
 * the department's webhook (its current secret read afresh) and acknowledged once it took it, or
 * rejected to the department's dead-letter queue when every attempt failed. One message at a time
 * per instance keeps the order the queue gives. Instances pick up registrations and removals made
 * elsewhere at each refresh.
 */
@Component
public class WebhookForwarders implements WebhookDeliveries, SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WebhookForwarders.class);
  private static final Duration GIVE_BACK_PAUSE = Duration.ofSeconds(1);
  private final ConnectionFactory connections;
  private final Partners partners;
  private final WebhookSender sender;
  private final JsonMapper json;
  private final Map<String, SimpleMessageListenerContainer> running = new ConcurrentHashMap<>();
  private volatile boolean started;

  public WebhookForwarders(ConnectionFactory connections, Partners partners, WebhookSender sender, JsonMapper json) {
    this.connections = connections;
    this.partners = partners;
    this.sender = sender;
    this.json = json;
  }

  @Override
  public void start(Partner partner) {
    if (!started) {
      return;
    }
    running.computeIfAbsent(partner.code(), code -> {
      SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
      container.setQueueNames(partner.queue());
      container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
      container.setPrefetchCount(1);
      container.setMissingQueuesFatal(false);
      container.setMessageListener(forwarding(code));
      container.start();
      log.info("posting {} to the webhook of {}", partner.queue(), code);
      return container;
    });
  }

  @Override
  public void stop(Partner partner) {
    stop(partner.code());
  }

  private void stop(String code) {
    Optional.ofNullable(running.remove(code)).ifPresent(SimpleMessageListenerContainer::stop);
  }

  /** Starts consumers for webhook departments registered elsewhere, stops those removed elsewhere. */
  @Scheduled(fixedDelayString = "${app.webhooks.refresh-interval:30s}")
  public void refresh() {
    if (!started) {
      return;
    }
    Set<Partner> wanted = partners.all().stream().filter(Partner::byWebhook).collect(Collectors.toSet());
    wanted.forEach(this::start);
    Set<String> codes = wanted.stream().map(Partner::code).collect(Collectors.toSet());
    running.keySet().stream().filter(code -> !codes.contains(code)).toList().forEach(this::stop);
  }

  /**
   * Acknowledges a message only once the department took it, rejects it to the dead-letter queue
   * when every attempt failed, and gives it back (after a pause, not in a tight loop that would use
   * up the delivery limit) when it cannot be tried now: the department was removed meanwhile, or
   * the store cannot be read. With manual acknowledgement an exception would leave the message
   * unacknowledged and the consumer, at prefetch 1, stalled.
   */
  private ChannelAwareMessageListener forwarding(String code) {
    return (message, channel) -> {
      long tag = message.getMessageProperties().getDeliveryTag();
      try {
        if (partners.find(code).map(Partner::webhook).isEmpty()) {
          giveBack(channel, tag, "the department " + code + " was removed; the next refresh stops its consumer");
          return;
        }
        Supplier<Optional<Webhook>> current = () -> partners.find(code).map(Partner::webhook);
        if (sender.deliver(code, current, message.getBody(), eventId(message.getBody()))) {
          channel.basicAck(tag, false);
        } else {
          channel.basicReject(tag, false);
        }
      } catch (RuntimeException e) {
        giveBack(channel, tag, "webhook of " + code + ": " + e);
      }
    };
  }

  private static void giveBack(Channel channel, long tag, String why) throws IOException {
    log.warn("{}; the message goes back to the queue", why);
    try {
      Thread.sleep(GIVE_BACK_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    channel.basicNack(tag, false, true);
  }

  /** The CloudEvents id, for the receiver's duplicate check; a body that is no event is posted all the same. */
  private String eventId(byte[] body) {
    try {
      JsonNode event = json.readTree(body);
      return event != null && event.hasNonNull("id") ? event.get("id").asString() : null;
    } catch (JacksonException notAnEvent) {
      return null;
    }
  }

  @Override
  public void start() {
    started = true;
    refresh();
  }

  @Override
  public void stop() {
    started = false;
    running.values().forEach(SimpleMessageListenerContainer::stop);
    running.clear();
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
