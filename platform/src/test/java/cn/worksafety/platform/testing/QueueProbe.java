package cn.worksafety.platform.testing;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporary queue on the real broker, bound to an exchange, from which a test reads what was
 * really published. Talks AMQP with the plain RabbitMQ client, independent of the code under test.
 */
public final class QueueProbe implements AutoCloseable {
  private final Connection connection;
  private final Channel channel;
  private final String queue;

  private QueueProbe(Connection connection, Channel channel, String queue) {
    this.connection = connection;
    this.channel = channel;
    this.queue = queue;
  }

  public static QueueProbe bind(String exchange, String routingKey) {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
      Connection connection = factory.newConnection("test-probe");
      Channel channel = connection.createChannel();
      channel.exchangeDeclare(exchange, "topic", true);
      String queue = channel.queueDeclare().getQueue();
      channel.queueBind(queue, exchange, routingKey);
      return new QueueProbe(connection, channel, queue);
    } catch (Exception e) {
      throw new IllegalStateException("cannot reach RabbitMQ on localhost:5672", e);
    }
  }

  /** Every message that arrives within {@code wait}, as UTF-8 text. */
  public List<String> drain(Duration wait) {
    List<String> bodies = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        GetResponse response = channel.basicGet(queue, true);
        if (response == null) {
          Thread.sleep(50);
        } else {
          bodies.add(new String(response.getBody(), StandardCharsets.UTF_8));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return bodies;
  }

  /** The first message that satisfies {@code test} within {@code wait}, or null. */
  public String await(java.util.function.Predicate<String> test, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        GetResponse response = channel.basicGet(queue, true);
        if (response == null) {
          Thread.sleep(50);
        } else {
          String body = new String(response.getBody(), StandardCharsets.UTF_8);
          if (test.test(body)) {
            return body;
          }
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return null;
  }

  /** Publishes a message to an exchange as another service would: persistent, with confirms. */
  public static void publish(String exchange, String routingKey, String body) {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
      try (Connection connection = factory.newConnection("test-publisher"); Channel channel = connection.createChannel()) {
        channel.confirmSelect();
        channel.basicPublish(exchange, routingKey, true,
            new com.rabbitmq.client.AMQP.BasicProperties.Builder().contentType("application/cloudevents+json")
                .deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5000);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many messages wait in a queue (0 when it does not exist). */
  public static long depth(String queue) {
    try {
      ConnectionFactory factory = new ConnectionFactory();
      factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
      try (Connection connection = factory.newConnection("test-depth"); Channel channel = connection.createChannel()) {
        return channel.queueDeclarePassive(queue).getMessageCount();
      }
    } catch (java.io.IOException e) {
      return 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (Exception ignored) {
      // the exclusive queue goes with the connection
    }
  }
}
