package cn.worksafety.bench;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A queue of the benchmark's own (exclusive, deleted when the connection closes) bound to every
 * routing key of the enforcement exchange, counting what the relay publishes.
 */
final class EventCounter implements AutoCloseable {
  static final String EXCHANGE = "enforcement.events";

  private final Connection connection;
  private final Map<String, AtomicLong> byType = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();
  private volatile long lastArrival;

  EventCounter(Stack.Broker broker, String exchange) throws IOException, TimeoutException {
    connection = broker.connect("bench-event-counter");
    Channel channel = connection.createChannel();
    // the same declaration as the services' (durable topic): idempotent
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    String queue = channel.queueDeclare("bench.events." + ProcessHandle.current().pid(), false, true,
        true, null).getQueue();
    channel.queueBind(queue, exchange, "#");
    channel.basicConsume(queue, true, (tag, delivery) -> {
      byType.computeIfAbsent(delivery.getEnvelope().getRoutingKey(), k -> new AtomicLong()).incrementAndGet();
      total.incrementAndGet();
      lastArrival = System.nanoTime();
    }, tag -> { });
  }

  long total() {
    return total.get();
  }

  long of(String type) {
    AtomicLong count = byType.get(type);
    return count == null ? 0 : count.get();
  }

  long lastArrival() {
    return lastArrival;
  }

  Map<String, AtomicLong> byType() {
    return byType;
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
