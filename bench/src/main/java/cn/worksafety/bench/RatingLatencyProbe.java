package cn.worksafety.bench;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.Penalty;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DeliverCallback;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-rating one enterprise after an event, as a partner sees it: publishes an {@code
 * enforcement.case.decided} exactly as enforcement-service's relay would (persistent, confirmed) and
 * times until credit-service's {@code credit.rating.changed} for that enterprise arrives on a queue
 * of the probe's own. That is the inbox, the file read, the re-rating, the write with its outbox
 * entry, and the relay publishing it; one event at a time, so each is timed alone.
 */
final class RatingLatencyProbe implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_MICROS = Duration.ofMinutes(1).toNanos() / 1000;

  private final Connection connection;
  private final Channel publishing;
  private final Map<String, Long> waiting = new ConcurrentHashMap<>();
  private final Histogram latencies = new ConcurrentHistogram(MAX_MICROS, 3);

  RatingLatencyProbe(Stack.Broker broker) throws IOException, TimeoutException {
    connection = broker.connect("bench-rating-latency");
    publishing = connection.createChannel();
    publishing.confirmSelect();
    Channel consuming = connection.createChannel();
    String queue = consuming.queueDeclare("", false, true, true, null).getQueue();
    consuming.queueBind(queue, Exchanges.CREDIT, EventType.RATING_CHANGED.type());
    DeliverCallback arrived = (tag, delivery) -> {
      long at = System.nanoTime();
      String subject = JSON.readTree(delivery.getBody()).path("subject").asString();
      Long sent = waiting.remove(subject);
      if (sent != null) {
        latencies.recordValue(Math.min(MAX_MICROS, Math.max(1, (at - sent) / 1000)));
        synchronized (waiting) {
          waiting.notifyAll();
        }
      }
    };
    consuming.basicConsume(queue, true, arrived, tag -> {});
  }

  /**
   * Decides a serious fine against {@code uscc} (it lowers any score of 30 or more) and waits for its
   * rating change; false if none came within {@code timeout}.
   */
  boolean decideAndAwait(String uscc, String region, Duration timeout) throws IOException, InterruptedException {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
    CaseDecided decided = new CaseDecided("bench-case-" + id, uscc, region, List.of("AQSC-099-3"),
        List.of(new Penalty("FINE", new BigDecimal("300000.00"), null)), now, "《安全生产法》第九十九条第三项");
    EventType type = EventType.CASE_DECIDED;
    CloudEvent<CaseDecided> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, "/enforcement-service",
        type.type(), uscc, now, type.dataschema(), CloudEvent.DATA_CONTENT_TYPE, "1", "bench-" + id, null, decided);
    byte[] body = JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    waiting.put(uscc, System.nanoTime());
    publishing.basicPublish(Exchanges.ENFORCEMENT, type.type(), true, new AMQP.BasicProperties.Builder()
        .contentType(CloudEvent.CONTENT_TYPE).deliveryMode(2).messageId(id).build(), body);
    try {
      publishing.waitForConfirmsOrDie(10_000);
    } catch (TimeoutException e) {
      throw new IOException("the broker did not confirm the event", e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (waiting) {
      while (waiting.containsKey(uscc)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          waiting.remove(uscc);
          return false;
        }
        waiting.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  Histogram latencies() {
    return latencies;
  }

  @Override
  public void close() throws IOException {
    try {
      connection.close();
    } catch (com.rabbitmq.client.AlreadyClosedException e) {
      // already gone
    }
  }
}
