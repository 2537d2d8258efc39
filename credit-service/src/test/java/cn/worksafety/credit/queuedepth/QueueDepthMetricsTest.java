package cn.worksafety.credit.queuedepth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.worksafety.credit.CreditIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/** Queue depths read from the real broker's management API reach the Prometheus page. */
class QueueDepthMetricsTest extends CreditIntegrationTest {
  @Autowired
  QueueDepthMetrics metrics;

  @Autowired
  AmqpAdmin admin;

  @Autowired
  RabbitTemplate rabbit;

  @Test
  void aDeadLetterQueuesDepthAndTheInboxAreOnThePrometheusPage() {
    String deadLetters = "test.depth-" + UUID.randomUUID().toString().substring(0, 8) + ".dlq";
    admin.declareQueue(new Queue(deadLetters, false, false, true));
    try {
      rabbit.convertAndSend("", deadLetters, "one");
      rabbit.convertAndSend("", deadLetters, "two");

      String deadLetterLine = "rabbitmq_queue_messages_ready{kind=\"dead-letter\",queue=\"" + deadLetters + "\"} 2.0";
      String inboxLine = "rabbitmq_queue_consumers{kind=\"inbox\",queue=\"" + inbox + "\"}";
      // the management API's figures are refreshed every few seconds
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
        metrics.refresh();
        assertThat(http.get("/actuator/prometheus", null).body()).contains(deadLetterLine).contains(inboxLine);
      });
    } finally {
      admin.deleteQueue(deadLetters);
    }
  }

  @Test
  void queuesAreToldApartByName() {
    assertThat(metrics.kindOf(inbox)).isEqualTo("inbox");
    assertThat(metrics.kindOf(inbox + ".dlq")).isEqualTo("dead-letter");
    assertThat(metrics.kindOf("partner.TAX")).isEqualTo("partner");
    assertThat(metrics.kindOf("partner.TAX.dlq")).isEqualTo("dead-letter");
    assertThat(metrics.kindOf("something.else")).isEqualTo("other");
  }
}
