package cn.worksafety.credit.reliability;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads partner queues as the broker's administrator would, to see what a department received. */
final class PartnerQueues {
  private PartnerQueues() {}

  /**
   * Every message in {@code queue} (taken off it) once those with {@code expected} keys have all
   * arrived, or when {@code timeoutMillis} is up, whichever is first.
   */
  static List<String> drainUntil(String queue, Collection<String> expected, Function<String, String> key,
      long timeoutMillis) throws Exception {
    List<String> received = new ArrayList<>();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    try (Connection connection = new ConnectionFactory().newConnection("reliability-test");
        Channel channel = connection.createChannel()) {
      while (System.currentTimeMillis() < deadline) {
        GetResponse message = channel.basicGet(queue, true);
        if (message != null) {
          received.add(new String(message.getBody(), StandardCharsets.UTF_8));
          continue;
        }
        if (received.stream().map(key).collect(Collectors.toSet()).containsAll(expected)) {
          break;
        }
        Thread.sleep(200);
      }
    }
    return received;
  }

  /** Messages by key, for those that came more than once. */
  static Map<String, List<String>> repeated(List<String> messages, Function<String, String> key) {
    return messages.stream().collect(Collectors.groupingBy(key)).entrySet().stream()
        .filter(e -> e.getValue().size() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
