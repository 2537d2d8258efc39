package cn.worksafety.enforcement.penaltycase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.platform.outbox.OutboxRelay;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** DESIGN.md's no-loss recipe, proved against the real broker and the real store. */
class OutboxRecoveryTest extends EnforcementIntegrationTest {
  @Autowired
  OutboxRelay relay;
  @Autowired
  MongoDatabase database;

  @Test
  void aRelayThatStoppedBetweenTheWriteAndThePublishPublishesExactlyThatEventWhenItComesBack() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.case.decided")) {
      String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
      relay.stop();
      try {
        decideAndApprove(id, "10000.00", java.util.Map.of());
        List<Document> outbox = outboxOf(id);
        assertThat(outbox).hasSize(1);
        String eventId = outbox.get(0).getString("id");
        assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(b -> b.contains(id));

        relay.start();
        List<String> delivered = probe.drain(Duration.ofSeconds(4)).stream().filter(b -> b.contains(id)).toList();
        assertThat(delivered).hasSize(1);
        assertThat(TestHttp.json(delivered.get(0)).get("id").asString()).isEqualTo(eventId);
        assertThat(outboxOf(id)).isEmpty();
      } finally {
        if (!relay.isRunning()) {
          relay.start();
        }
      }
    }
  }

  @Test
  void anEventPublishedButNotYetRemovedIsRepublishedWithTheSameIdAndSequence() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.case.decided")) {
      String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
      decideAndApprove(id, "10000.00", java.util.Map.of());
      JsonNode first = TestHttp.json(probe.await(b -> b.contains(id), Duration.ofSeconds(10)));

      // A crash after the broker confirmed but before the entry left the document: put it back.
      Document logged = database.getCollection("event_log").find(Filters.eq("eventId", first.get("id").asString())).first();
      assertThat(logged).isNotNull();
      Document entry = new Document("id", first.get("id").asString()).append("type", "enforcement.case.decided")
          .append("subject", first.get("subject").asString()).append("time", new java.util.Date())
          .append("data", first.get("data").toString());
      relay.stop();
      database.getCollection("cases").updateOne(Filters.eq("_id", id), Updates.push("outbox", entry));
      relay.start();

      List<String> again = probe.drain(Duration.ofSeconds(4)).stream().filter(b -> b.contains(id)).toList();
      assertThat(again).hasSize(1);
      JsonNode second = TestHttp.json(again.get(0));
      assertThat(second.get("id").asString()).isEqualTo(first.get("id").asString());
      assertThat(second.get("sequence").asString()).isEqualTo(first.get("sequence").asString());
      assertThat(outboxOf(id)).isEmpty();
    }
  }

  @Test
  void sequenceNumbersHaveNoGaps() {
    long before = database.getCollection("event_log").countDocuments();
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, "enforcement.case.decided")) {
      for (int i = 0; i < 3; i++) {
        String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
        decideAndApprove(id, "100.00", java.util.Map.of());
        assertThat(probe.await(b -> b.contains(id), Duration.ofSeconds(10))).isNotNull();
      }
    }
    List<Long> sequences = new java.util.ArrayList<>();
    database.getCollection("event_log").find().forEach(d -> sequences.add(d.getLong("_id")));
    assertThat(sequences.size()).isGreaterThanOrEqualTo((int) before + 3);
    java.util.Collections.sort(sequences);
    for (int i = 0; i < sequences.size(); i++) {
      assertThat(sequences.get(i)).isEqualTo(i + 1L);
    }
  }

  private List<Document> outboxOf(String caseId) {
    Document found = database.getCollection("cases").find(Filters.eq("_id", caseId)).first();
    return found.getList("outbox", Document.class, List.of());
  }
}
