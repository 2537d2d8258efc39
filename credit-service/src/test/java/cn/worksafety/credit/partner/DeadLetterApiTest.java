package cn.worksafety.credit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.rabbitmq.http.client.Client;
import com.rabbitmq.http.client.domain.QueueInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A department's consumer cannot handle two messages: one it refuses outright, one it keeps giving
 * back. Both land in its dead-letter queue, where the administrator sees why, and sends one back
 * unchanged once it is fixed.
 */
class DeadLetterApiTest extends CreditIntegrationTest {
  private static final String ADMIN = TestTokens.admin();

  @Autowired
  Client management;

  @Test
  void poisonMessagesLandInTheDepartmentsDeadLetterQueueWhereTheyAreSeenAndReplayed() throws Exception {
    String code = "t" + UUID.randomUUID().toString().substring(0, 8);
    TestHttp.Response registered = http.post("/api/credit/partners", ADMIN, Map.of("code", code, "name", "税务部门",
        "measures", List.of(), "eventTypes", List.of("credit.rating.changed")));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    JsonNode credentials = registered.json().get("credentials");
    String queue = "partner." + code;
    String refusedId = UUID.randomUUID().toString();
    String returnedId = UUID.randomUUID().toString();
    try (Connection admin = new ConnectionFactory().newConnection(); Channel channel = admin.createChannel()) {
      for (String id : List.of(refusedId, returnedId)) {
        channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().deliveryMode(2)
            .contentType("application/cloudevents+json").build(), event(id).getBytes(StandardCharsets.UTF_8));
      }
    }
    try (Connection department = connect(credentials); Channel channel = department.createChannel()) {
      channel.basicReject(channel.basicGet(queue, false).getEnvelope().getDeliveryTag(), false);
      for (int i = 0; i < 30; i++) {
        GetResponse again = channel.basicGet(queue, false);
        if (again == null) {
          break;
        }
        channel.basicReject(again.getEnvelope().getDeliveryTag(), true);
      }
    }

    JsonNode seen = http.get("/api/credit/partners/" + code + "/dead-letters", ADMIN).json();
    assertThat(seen.get("queue").asString()).isEqualTo(queue + ".dlq");
    assertThat(seen.get("count").asLong()).isEqualTo(2);
    assertThat(seen.get("messages").findValuesAsString("id")).containsExactlyInAnyOrder(refusedId, returnedId);
    assertThat(seen.get("messages").valueStream().filter(m -> m.get("id").asString().equals(refusedId))
        .map(m -> m.get("reason").asString())).containsExactly("rejected");
    assertThat(seen.get("messages").valueStream().filter(m -> m.get("id").asString().equals(returnedId))
        .map(m -> m.get("reason").asString())).containsExactly("delivery_limit");
    assertThat(seen.get("messages").get(0).get("type").asString()).isEqualTo("credit.rating.changed");
    assertThat(http.get("/api/credit/partners/" + code + "/dead-letters", ADMIN).json().get("count").asLong())
        .as("looking takes nothing away").isEqualTo(2);

    TestHttp.Response replayed = http.post("/api/credit/partners/" + code + "/dead-letters/replay", ADMIN,
        Map.of("ids", List.of(refusedId)));
    assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
    assertThat(replayed.json().get("replayed").asInt()).isEqualTo(1);
    assertThat(replayed.json().get("remaining").asLong()).isEqualTo(1);
    try (Connection department = connect(credentials); Channel channel = department.createChannel()) {
      GetResponse back = channel.basicGet(queue, true);
      assertThat(back).isNotNull();
      assertThat(TestHttp.json(new String(back.getBody(), StandardCharsets.UTF_8)).get("id").asString())
          .isEqualTo(refusedId);
      assertThat(back.getProps().getHeaders() == null || !back.getProps().getHeaders().containsKey("x-death"))
          .as("the broker's dead-letter record is not sent back").isTrue();
    }

    management.deleteQueue("/", queue);
    TestHttp.Response nowhere = http.post("/api/credit/partners/" + code + "/dead-letters/replay", ADMIN, Map.of());
    assertThat(nowhere.status()).as("the queue is gone: nothing to send back to").isEqualTo(503);
    assertThat(http.get("/api/credit/partners/" + code + "/dead-letters", ADMIN).json().get("count").asLong())
        .as("so nothing left the dead-letter queue").isEqualTo(1);
    management.declareQueue("/", queue, new QueueInfo(true, false, false, Map.of("x-queue-type", "quorum")));
    TestHttp.Response all = http.post("/api/credit/partners/" + code + "/dead-letters/replay", ADMIN, Map.of());
    assertThat(all.json().get("replayed").asInt()).as("no ids: any").isEqualTo(1);
    assertThat(all.json().get("remaining").asLong()).isZero();

    assertThat(http.get("/api/credit/partners/" + code + "/dead-letters?limit=0", ADMIN).status()).isEqualTo(400);
    assertThat(http.post("/api/credit/partners/" + code + "/dead-letters/replay", ADMIN, Map.of("limit", 5000))
        .status()).isEqualTo(400);
    assertThat(http.get("/api/credit/partners/" + code + "/dead-letters", TestTokens.partner(code)).status())
        .isEqualTo(403);
    assertThat(http.get("/api/credit/partners/nope/dead-letters", ADMIN).status()).isEqualTo(404);
    http.send("DELETE", "/api/credit/partners/" + code, ADMIN, null, Map.of());
  }

  private static String event(String id) {
    return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/credit-service\","
        + "\"type\":\"credit.rating.changed\",\"subject\":\"91440300MA5FXXXX0X\",\"sequence\":\"1\",\"data\":{}}";
  }

  private static Connection connect(JsonNode credentials) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUsername(credentials.get("username").asString());
    factory.setPassword(credentials.get("password").asString());
    return factory.newConnection();
  }
}
