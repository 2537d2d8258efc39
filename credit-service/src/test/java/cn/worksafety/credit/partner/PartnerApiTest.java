package cn.worksafety.credit.partner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.BrokerCleanup;
import cn.worksafety.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartnerApiTest extends CreditIntegrationTest {

  @Test
  void registeringADepartmentGivesItAQueueOnTheCreditExchange() throws Exception {
    String code = "t" + UUID.randomUUID().toString().substring(0, 8);
    BrokerCleanup.deleteOnExit("partner." + code);
    BrokerCleanup.deleteOnExit("partner." + code + ".dlq");
    var created = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", code, "name", "财政部",
        "measures", List.of("exclude from government procurement")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("queue").asString()).isEqualTo("partner." + code);
    assertQueueExists("partner." + code);
    assertQueueExists("partner." + code + ".dlq");

    assertThat(http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", code, "name", "x",
        "measures", List.of())).status()).isEqualTo(409);
    assertThat(http.get("/api/credit/partners/" + code, TestTokens.admin()).json().get("name").asString())
        .isEqualTo("财政部");
  }

  @Test
  void badRegistrationsAreRefused() {
    var badCode = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", "Not Valid!", "name", "x",
        "measures", List.of()));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
    assertThat(http.post("/api/credit/partners", TestTokens.officer("440300"), Map.of("code", "abc", "name", "x",
        "measures", List.of())).status()).isEqualTo(403);
    assertThat(http.get("/api/credit/partners/nope", TestTokens.admin()).status()).isEqualTo(404);
  }

  private static void assertQueueExists(String queue) throws Exception {
    com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
    try (var connection = factory.newConnection(); var channel = connection.createChannel()) {
      assertThat(channel.queueDeclarePassive(queue).getQueue()).isEqualTo(queue);
    }
  }
}
