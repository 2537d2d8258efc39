package cn.worksafety.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.platform.outbox.EventLog.Logged;
import cn.worksafety.platform.testing.EmbeddedMongo;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event log's numbering against the embedded store over TCP. */
class EventLogTest {
  private MongoClient client;
  private MongoDatabase database;
  private EventLog log;

  @BeforeEach
  void log() {
    String uri = EmbeddedMongo.uri("eventlog");
    client = MongoClients.create(uri);
    database = client.getDatabase(new ConnectionString(uri).getDatabase());
    log = new EventLog(database);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void aBatchTakesTheNextNumbersInOrderAndAnEventAlreadyLoggedKeepsItsNumberAndEnvelope() {
    List<OutboxEntry> first = List.of(event(), event(), event());
    assertThat(log.appendAll(first, EventLogTest::envelope)).extracting(Logged::sequence).containsExactly(1L, 2L, 3L);

    OutboxEntry fourth = event();
    List<Logged> again = log.appendAll(List.of(first.get(1), fourth), (e, s) -> "changed");

    assertThat(again).containsExactly(new Logged(2, envelope(first.get(1), 2)), new Logged(4, "changed"));
  }

  @Test
  void aHintThatLagsBehindACrashedAppendIsOvertakenWithoutAGapOrADuplicate() {
    log.appendAll(List.of(event(), event(), event()), EventLogTest::envelope);
    // As after a crash between an insert and the hint's update: numbers 2 and 3 are taken, the hint says 1.
    database.getCollection("event_log_counter").updateOne(Filters.eq("_id", "event_log"), Updates.set("value", 1L));

    List<Logged> next = log.appendAll(List.of(event(), event()), EventLogTest::envelope);

    assertThat(next).extracting(Logged::sequence).containsExactly(4L, 5L);
    assertThat(database.getCollection("event_log").find().map(d -> d.getLong("_id")).into(new java.util.ArrayList<>()))
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L);
    assertThat(database.getCollection("event_log_counter").find().first())
        .extracting(d -> ((Number) d.get("value")).longValue()).isEqualTo(5L);
  }

  private static OutboxEntry event() {
    return new OutboxEntry(UUID.randomUUID().toString(), "credit.rating.changed", "914403001922038216",
        Instant.parse("2026-11-23T01:00:00Z"), "{}", null, null);
  }

  private static String envelope(OutboxEntry event, long sequence) {
    return "{\"id\":\"" + event.id() + "\",\"sequence\":\"" + sequence + "\"}";
  }
}
