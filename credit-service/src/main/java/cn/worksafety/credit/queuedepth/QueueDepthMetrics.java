package cn.worksafety.credit.queuedepth;

import com.rabbitmq.http.client.Client;
import com.rabbitmq.http.client.domain.QueueInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How far behind the consumers are and what waits in dead-letter queues: every queue of the
 * virtual host with its ready and unacknowledged messages and its consumers, read in one call to
 * the management API. Tagged {@code kind}: {@code inbox} (this service's own consumer lag),
 * {@code partner} (a department's lag), {@code dead-letter}, or {@code other}.
 */
@Component
public class QueueDepthMetrics {
  private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);

  private final Client management;
  private final String vhost;
  private final String inboxQueue;
  private final MultiGauge ready;
  private final MultiGauge unacknowledged;
  private final MultiGauge consumers;

  public QueueDepthMetrics(Client management, @Value("${spring.rabbitmq.virtual-host:/}") String vhost,
      @Value("${app.inbox.queue}") String inboxQueue, MeterRegistry meters) {
    this.management = management;
    this.vhost = vhost;
    this.inboxQueue = inboxQueue;
    this.ready = MultiGauge.builder("rabbitmq.queue.messages.ready")
        .description("messages waiting for a consumer").register(meters);
    this.unacknowledged = MultiGauge.builder("rabbitmq.queue.messages.unacknowledged")
        .description("messages delivered and not yet acknowledged").register(meters);
    this.consumers = MultiGauge.builder("rabbitmq.queue.consumers").register(meters);
  }

  @Scheduled(fixedDelayString = "${app.queue-metrics.interval:15s}", initialDelayString = "${app.queue-metrics.interval:15s}")
  public void refresh() {
    List<QueueInfo> queues;
    try {
      queues = management.getQueues(vhost);
    } catch (RuntimeException e) {
      log.debug("queue depths not read: {}", e.toString());
      return;
    }
    List<Tags> tags = queues.stream().map(q -> Tags.of("queue", q.getName(), "kind", kindOf(q.getName()))).toList();
    ready.register(rows(queues, tags, QueueInfo::getMessagesReady), true);
    unacknowledged.register(rows(queues, tags, QueueInfo::getMessagesUnacknowledged), true);
    consumers.register(rows(queues, tags, QueueInfo::getConsumerCount), true);
  }

  private static List<MultiGauge.Row<?>> rows(List<QueueInfo> queues, List<Tags> tags,
      ToLongFunction<QueueInfo> value) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>(queues.size());
    for (int i = 0; i < queues.size(); i++) {
      rows.add(MultiGauge.Row.of(tags.get(i), value.applyAsLong(queues.get(i))));
    }
    return rows;
  }

  String kindOf(String queue) {
    if (queue.endsWith(".dlq")) {
      return "dead-letter";
    }
    if (queue.equals(inboxQueue)) {
      return "inbox";
    }
    return queue.startsWith("partner.") ? "partner" : "other";
  }
}
