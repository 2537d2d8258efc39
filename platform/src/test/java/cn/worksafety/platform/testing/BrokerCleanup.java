package cn.worksafety.platform.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Durable queues a test run created on the shared broker, deleted when the test JVM ends. */
public final class BrokerCleanup {
  private static final List<String> QUEUES = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(BrokerCleanup::deleteAll));
  }

  private BrokerCleanup() {}

  public static String deleteOnExit(String queue) {
    QUEUES.add(queue);
    return queue;
  }

  private static void deleteAll() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
    try (Connection connection = factory.newConnection("test-cleanup")) {
      for (String queue : QUEUES) {
        try (Channel channel = connection.createChannel()) {
          channel.queueDelete(queue);
        } catch (Exception ignored) {
          // already gone
        }
      }
    } catch (Exception ignored) {
      // the broker is gone too; nothing to clean
    }
  }
}
