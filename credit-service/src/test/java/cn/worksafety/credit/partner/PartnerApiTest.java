package cn.worksafety.credit.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.http.client.Client;
import com.rabbitmq.http.client.domain.BindingInfo;
import com.rabbitmq.http.client.domain.QueueInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PartnerApiTest extends CreditIntegrationTest {

  @Autowired
  Client management;

  @Test
  void registeringADepartmentProvisionsItsQueuesBindingsAndCredentialsShownOnce() throws Exception {
    String code = newCode();
    var created = register(code, List.of("M-GOVERNMENT-PROCUREMENT"), List.of("credit.blacklist.entered"));
    try {
      assertThat(created.status()).isEqualTo(201);
      JsonNode credentials = created.json().get("credentials");
      assertThat(credentials.get("username").asString()).isEqualTo("partner-" + code);
      assertThat(credentials.get("password").asString()).hasSizeGreaterThanOrEqualTo(32);
      assertThat(created.json().get("partner").get("queue").asString()).isEqualTo("partner." + code);
      try (Connection connection = connect(credentials); Channel channel = connection.createChannel()) {
        assertThat(channel.queueDeclarePassive("partner." + code).getQueue()).isEqualTo("partner." + code);
        assertThat(channel.basicGet("partner." + code, false)).isNull();
      }
      assertThat(management.getQueue("/", "partner." + code + ".dlq")).isNotNull();
      assertThat(management.getQueueBindingsBetween("/", "credit.events", "partner." + code))
          .extracting(BindingInfo::getRoutingKey).containsExactly("credit.blacklist.entered");

      var read = http.get("/api/credit/partners/" + code, TestTokens.admin());
      assertThat(read.json().get("name").asString()).isEqualTo("财政部");
      assertThat(read.body()).doesNotContain(credentials.get("password").asString());
      assertThat(register(code, List.of(), null).status()).isEqualTo(409);
    } finally {
      remove(code);
    }
  }

  @Test
  void oneDepartmentsCredentialsCannotReadAnotherDepartmentsQueueNorPublishNorDeclare() throws Exception {
    String mine = newCode();
    String theirs = newCode();
    JsonNode credentials = register(mine, List.of(), null).json().get("credentials");
    register(theirs, List.of(), null);
    try {
      try (Connection connection = connect(credentials)) {
        assertRefused(connection, channel -> channel.basicGet("partner." + theirs, false));
        assertRefused(connection, channel -> channel.basicConsume("partner." + theirs, true, (tag, m) -> { },
            tag -> { }));
        assertRefused(connection, channel -> channel.basicGet("partner." + mine + ".dlq", false));
        assertRefused(connection, channel -> channel.basicPublish("credit.events", "credit.blacklist.entered", null,
            new byte[] {1}));
        assertRefused(connection, channel -> channel.queueDeclare("partner." + mine + ".mine", true, false, false,
            null));
        try (Channel own = connection.createChannel()) {
          assertThat(own.basicGet("partner." + mine, false)).isNull();
        }
      }
    } finally {
      remove(mine);
      remove(theirs);
    }
  }

  @Test
  void renewedCredentialsReplaceTheOldAndRemovalRevokesThem() throws Exception {
    String code = newCode();
    JsonNode first = register(code, List.of(), null).json().get("credentials");
    Connection openedWithFirst = connect(first);
    var renewed = http.post("/api/credit/partners/" + code + "/credentials", TestTokens.admin(), Map.of());
    assertThat(renewed.status()).isEqualTo(200);
    JsonNode second = renewed.json().get("credentials");
    assertThat(second.get("password").asString()).isNotEqualTo(first.get("password").asString());
    assertThatThrownBy(() -> connect(first).close()).isInstanceOf(AuthenticationFailureException.class);
    awaitClosed(openedWithFirst);
    Connection open = connect(second);

    assertThat(http.send("DELETE", "/api/credit/partners/" + code, TestTokens.admin(), null, Map.of()).status())
        .isEqualTo(204);
    assertThatThrownBy(() -> connect(second).close()).isInstanceOf(AuthenticationFailureException.class);
    awaitClosed(open);
    assertThat(management.getQueue("/", "partner." + code)).isNull();
    assertThat(http.get("/api/credit/partners/" + code, TestTokens.admin()).status()).isEqualTo(404);
    assertThat(http.send("DELETE", "/api/credit/partners/" + code, TestTokens.admin(), null, Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aDepartmentsMeasuresAndEventTypesAreChangedAndItsQueueRebound() throws Exception {
    String code = newCode();
    register(code, List.of("M-GOVERNMENT-PROCUREMENT"), List.of("credit.blacklist.entered"));
    try {
      TestHttp.Response changed = http.send("PUT", "/api/credit/partners/" + code, TestTokens.admin(),
          Map.of("name", "财政部门", "measures", List.of("M-FISCAL-SUBSIDY"),
              "eventTypes", List.of("credit.blacklist.removed", "credit.blacklist.restored")), Map.of());
      assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
      assertThat(changed.json().get("measures").valueStream().map(JsonNode::asString))
          .containsExactly("M-FISCAL-SUBSIDY");
      assertThat(management.getQueueBindingsBetween("/", "credit.events", "partner." + code))
          .extracting(BindingInfo::getRoutingKey)
          .containsExactlyInAnyOrder("credit.blacklist.removed", "credit.blacklist.restored");

      TestHttp.Response refused = http.send("PUT", "/api/credit/partners/" + code, TestTokens.admin(),
          Map.of("name", "x", "measures", List.of("M-NOWHERE"), "eventTypes", List.of()), Map.of());
      assertThat(refused.status()).isEqualTo(400);
      assertThat(http.get("/api/credit/partners/" + code, TestTokens.admin()).json().get("name").asString())
          .as("a refused change changes nothing").isEqualTo("财政部门");
      assertThat(management.getQueueBindingsBetween("/", "credit.events", "partner." + code)).hasSize(2);

      TestHttp.Response all = http.send("PUT", "/api/credit/partners/" + code, TestTokens.admin(),
          Map.of("name", "财政部门", "measures", List.of()), Map.of());
      assertThat(all.status()).isEqualTo(200);
      assertThat(management.getQueueBindingsBetween("/", "credit.events", "partner." + code))
          .extracting(BindingInfo::getRoutingKey).as("no types: every event").containsExactly("#");
      assertThat(http.send("PUT", "/api/credit/partners/nope", TestTokens.admin(),
          Map.of("name", "x", "measures", List.of()), Map.of()).status()).isEqualTo(404);
    } finally {
      remove(code);
    }
  }

  @Test
  void aQueueLeftByAnEarlierDepartmentOfTheSameCodeIsReplacedAtRegistration() {
    String code = newCode();
    management.declareQueue("/", "partner." + code,
        new QueueInfo(true, false, false, Map.of("x-queue-type", "quorum")));
    try {
      assertThat(register(code, List.of(), null).status()).isEqualTo(201);
      assertThat(management.getQueue("/", "partner." + code).getArguments())
          .containsEntry("x-dead-letter-strategy", "at-least-once")
          .containsEntry("x-dead-letter-routing-key", "partner." + code + ".dlq");
    } finally {
      remove(code);
    }
  }

  @Test
  void badRegistrationsAreRefusedAndRegisterNothing() {
    var badCode = http.post("/api/credit/partners", TestTokens.admin(), Map.of("code", "Not Valid!", "name", "x",
        "measures", List.of()));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");

    String code = newCode();
    var unknownMeasure = register(code, List.of("M-NOT-IN-CATALOGUE"), null);
    assertThat(unknownMeasure.status()).isEqualTo(400);
    assertThat(unknownMeasure.body()).contains("measures").contains("M-NOT-IN-CATALOGUE");
    var enforcementType = register(code, List.of(), List.of("enforcement.case.decided"));
    assertThat(enforcementType.status()).isEqualTo(400);
    assertThat(enforcementType.body()).contains("eventTypes");
    assertThat(http.get("/api/credit/partners/" + code, TestTokens.admin()).status()).isEqualTo(404);
    assertThat(management.getUser("partner-" + code)).isNull();

    assertThat(http.post("/api/credit/partners", TestTokens.officer("440300"), Map.of("code", "abc", "name", "x",
        "measures", List.of())).status()).isEqualTo(403);
    assertThat(http.get("/api/credit/partners/nope", TestTokens.admin()).status()).isEqualTo(404);
  }

  private static String newCode() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private TestHttp.Response register(String code, List<String> measures, List<String> eventTypes) {
    Map<String, Object> body = eventTypes == null
        ? Map.of("code", code, "name", "财政部", "measures", measures)
        : Map.of("code", code, "name", "财政部", "measures", measures, "eventTypes", eventTypes);
    return http.post("/api/credit/partners", TestTokens.admin(), body);
  }

  private void remove(String code) {
    http.send("DELETE", "/api/credit/partners/" + code, TestTokens.admin(), null, Map.of());
  }

  private static Connection connect(JsonNode credentials) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUsername(credentials.get("username").asString());
    factory.setPassword(credentials.get("password").asString());
    factory.setVirtualHost(credentials.get("virtualHost").asString());
    return factory.newConnection();
  }

  private interface ChannelStep {
    void run(Channel channel) throws IOException;
  }

  /** The broker answers a refused operation by closing the channel with 403 ACCESS_REFUSED. */
  private static void assertRefused(Connection connection, ChannelStep step) throws Exception {
    Channel channel = connection.createChannel();
    assertThatThrownBy(() -> {
      step.run(channel);
      channel.basicQos(1); // a refused publish is only reported asynchronously: a round trip surfaces it
    }).hasStackTraceContaining("ACCESS_REFUSED");
  }

  private static void awaitClosed(Connection connection) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (connection.isOpen() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(connection.isOpen()).as("a connection with revoked credentials is closed").isFalse();
  }
}
