package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.credit.partner.application.DeadLetters;
import cn.worksafety.credit.partner.model.DeadLetter;
import cn.worksafety.credit.partner.model.Partner;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Address;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.amqp.AmqpIOException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a dead-letter queue with {@code basic.get} on a connection of its own (these are rare,
 * administrative reads, kept off the application's cached channels, and replay needs confirms): a
 * peek gives every message back, a replay publishes each chosen one to the partner's queue with
 * confirms and only then acknowledges it.
 */
@Component
public class AmqpDeadLetters implements DeadLetters {
  private static final int BODY_SHOWN = 64 * 1024;
  private static final long CONFIRM_TIMEOUT_MS = 5_000;
  private final CachingConnectionFactory connections;
  private final RabbitConnectionDetails broker;
  private final JsonMapper json;

  public AmqpDeadLetters(CachingConnectionFactory connections, RabbitConnectionDetails broker, JsonMapper json) {
    this.connections = connections;
    this.broker = broker;
    this.json = json;
  }

  @Override
  public Peeked peek(Partner partner, int limit) {
    return withChannel(channel -> {
      long count = channel.queueDeclarePassive(partner.deadLetterQueue()).getMessageCount();
      List<DeadLetter> seen = new ArrayList<>();
      long lastTag = -1;
      for (int i = 0; i < limit; i++) {
        GetResponse message = channel.basicGet(partner.deadLetterQueue(), false);
        if (message == null) {
          break;
        }
        seen.add(deadLetter(message));
        lastTag = message.getEnvelope().getDeliveryTag();
      }
      if (lastTag >= 0) {
        channel.basicNack(lastTag, true, true);
      }
      return new Peeked(count, seen);
    });
  }

  @Override
  public long count(Partner partner) {
    return withChannel(channel -> channel.queueDeclarePassive(partner.deadLetterQueue()).getMessageCount());
  }

  @Override
  public int replay(Partner partner, Set<String> ids, int limit) {
    return withChannel(channel -> {
      channel.queueDeclarePassive(partner.queue()); // gone: the channel closes with 404 and nothing moves
      AtomicBoolean returned = new AtomicBoolean();
      channel.addReturnListener(r -> returned.set(true));
      channel.confirmSelect();
      int moved = 0;
      List<Long> kept = new ArrayList<>();
      for (int i = 0; i < limit; i++) {
        GetResponse message = channel.basicGet(partner.deadLetterQueue(), false);
        if (message == null) {
          break;
        }
        long tag = message.getEnvelope().getDeliveryTag();
        if (!ids.isEmpty() && !ids.contains(deadLetter(message).id())) {
          kept.add(tag);
          continue;
        }
        channel.basicPublish("", partner.queue(), true, withoutDeathHeaders(message.getProps()), message.getBody());
        channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        // an unroutable mandatory message is returned, then confirmed all the same: it went nowhere
        if (returned.get()) {
          kept.add(tag);
          break;
        }
        channel.basicAck(tag, false);
        moved++;
      }
      // given back only now: one given back at once would be the next basic.get again
      for (long tag : kept) {
        channel.basicNack(tag, false, true);
      }
      return moved;
    });
  }

  private DeadLetter deadLetter(GetResponse message) {
    String body = new String(message.getBody(), StandardCharsets.UTF_8);
    JsonNode event = readEvent(body);
    Map<String, Object> headers = message.getProps().getHeaders() == null ? Map.of() : message.getProps().getHeaders();
    Map<?, ?> firstDeath = firstDeath(headers);
    Instant at = firstDeath.get("time") instanceof Date date ? date.toInstant() : null;
    long times = firstDeath.get("count") instanceof Number n ? n.longValue() : 0;
    return new DeadLetter(text(event, "id"), text(event, "type"), text(event, "subject"), text(event, "sequence"),
        String.valueOf(headers.getOrDefault("x-first-death-reason", "")), at, times,
        body.length() > BODY_SHOWN ? body.substring(0, BODY_SHOWN) : body);
  }

  private JsonNode readEvent(String body) {
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static String text(JsonNode event, String field) {
    return event == null || !event.hasNonNull(field) ? null : event.get(field).asString();
  }

  private static Map<?, ?> firstDeath(Map<String, Object> headers) {
    if (headers.get("x-death") instanceof List<?> deaths && !deaths.isEmpty() && deaths.get(0) instanceof Map<?, ?> m) {
      return m;
    }
    return Map.of();
  }

  /** The message as it was first published: the broker's dead-lettering record is not part of it. */
  private static AMQP.BasicProperties withoutDeathHeaders(AMQP.BasicProperties props) {
    Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
    headers.keySet().removeIf(h -> h.startsWith("x-death") || h.startsWith("x-first-death")
        || h.startsWith("x-last-death")
        || h.equals("x-delivery-count"));
    return props.builder().headers(headers).deliveryMode(2).build();
  }

  private interface ChannelWork<T> {
    T apply(Channel channel) throws IOException, InterruptedException, TimeoutException;
  }

  private <T> T withChannel(ChannelWork<T> work) {
    // the application's own connection settings (credentials, virtual host, TLS, timeouts), a connection apart
    List<Address> addresses = broker.getAddresses().stream().map(a -> new Address(a.host(), a.port())).toList();
    try (Connection connection = connections.getRabbitConnectionFactory().newConnection(addresses, "dead-letters");
        Channel channel = connection.createChannel()) {
      return work.apply(channel);
    } catch (IOException | TimeoutException e) {
      throw new AmqpIOException(new IOException("dead-letter queue: " + e.getMessage(), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmqpIOException(new IOException("interrupted", e));
    }
  }
}
