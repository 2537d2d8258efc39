package cn.worksafety.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner department's consumer, as the benchmark plays it: connected with the department's own
 * credentials, it reads its queue and notes for each event its id and sequence (to count what was
 * lost or came twice) and how long after its publication was asked for it arrived.
 */
final class PartnerQueueReader implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Connection connection;
  /** id → sequence of the first copy. */
  private final Map<String, String> received = new ConcurrentHashMap<>();
  private final AtomicLong deliveries = new AtomicLong();
  private final AtomicLong unexplained = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private volatile long lastArrival;

  /**
   * @param askedAt when the publication of an entry was asked for (System.nanoTime), by entry id;
   *     0 when unknown
   */
  PartnerQueueReader(Stack.Broker broker, String user, String password, String queue,
      ToLongFunction<String> askedAt, Recorder latencyMicros) throws IOException, TimeoutException {
    connection = new Stack.Broker(broker.host(), broker.port(), user, password, broker.vhost()).connect(user);
    Channel channel = connection.createChannel();
    channel.basicQos(500);
    channel.basicConsume(queue, false, (tag, delivery) -> {
      long now = System.nanoTime();
      JsonNode event = JSON.readTree(delivery.getBody());
      String id = event.get("id").asString();
      String sequence = event.get("sequence").asString();
      deliveries.incrementAndGet();
      bytes.addAndGet(delivery.getBody().length);
      String first = received.putIfAbsent(id, sequence);
      if (first == null) {
        long asked = askedAt.applyAsLong(event.get("data").get("entryId").asString());
        if (asked > 0) {
          latencyMicros.recordValue(Math.max(0, (now - asked) / 1_000));
        }
      } else if (!first.equals(sequence)) {
        unexplained.incrementAndGet();
      }
      lastArrival = now;
      channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
    }, tag -> { });
  }

  long distinct() {
    return received.size();
  }

  long deliveries() {
    return deliveries.get();
  }

  /** Copies of one id with another sequence number: a second event, not a redelivery. */
  long unexplainedDuplicates() {
    return unexplained.get();
  }

  long bytes() {
    return bytes.get();
  }

  long lastArrival() {
    return lastArrival;
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
