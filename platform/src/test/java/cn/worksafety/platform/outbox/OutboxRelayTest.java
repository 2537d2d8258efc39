package cn.worksafety.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.RatingChanged;
import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.testing.QueueProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The relay on its own, against the embedded store over TCP and the real broker. */
class OutboxRelayTest {
  private static final String EXCHANGE = "outbox-relay-test";
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
  private final JsonMapper json = JsonMapper.builder().build();
  private OutboxProperties properties = new OutboxProperties(EXCHANGE, "/relay-test", List.of("docs"),
      Duration.ofMillis(200), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(30));
  private MongoClient client;
  private MongoCollection<Document> docs;
  private CachingConnectionFactory connections;
  private Outbox outbox;
  private OutboxRelay relay;
  private Runnable duringFirstPublish = () -> { };
  private Duration eachPublishTakes = Duration.ZERO;
  private final List<String> failFor = new java.util.ArrayList<>();
  private final List<String> attempted = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void relay() {
    String uri = EmbeddedMongo.uri("relay");
    client = MongoClients.create(uri);
    MongoDatabase database = client.getDatabase(new com.mongodb.ConnectionString(uri).getDatabase());
    docs = database.getCollection("docs");
    connections = new CachingConnectionFactory("localhost");
    connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
    connections.setPublisherReturns(true);
    build(database);
  }

  private void build(MongoDatabase database) {
    ConfirmedPublisher publisher = new ConfirmedPublisher(new RabbitTemplate(connections), properties) {
      @Override
      public Outcome publish(String exchange, String eventId, String routingKey, String envelope, String requestId) {
        attempted.add(eventId);
        Runnable hook = duringFirstPublish;
        duringFirstPublish = () -> { };
        hook.run();
        sleep(eachPublishTakes);
        if (failFor.contains(eventId)) {
          return Outcome.FAILED;
        }
        return super.publish(exchange, eventId, routingKey, envelope, requestId);
      }
    };
    relay = new OutboxRelay(database, new EventLog(database), new CloudEventEnvelopes(json, clock, properties),
        publisher, new DefaultLockingTaskExecutor(new MongoLockProvider(database.getCollection("leases"))),
        properties, clock, new SimpleMeterRegistry());
    outbox = new Outbox(json, clock, relay);
  }

  @AfterEach
  void close() {
    relay.stop();
    connections.destroy();
    client.close();
  }

  @Test
  void aWriteThatLandsWhileTheDocumentIsBeingRelayedIsRelayedToo() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.tick(); // the start-up sweep: nothing there yet
      OutboxEntry first = entry("A");
      OutboxEntry second = entry("B");
      docs.insertOne(new Document("_id", "d1").append("outbox", List.of(Outbox.asDocument(first))));
      outbox.written("docs", "d1");
      duringFirstPublish = () -> {
        docs.updateOne(Filters.eq("_id", "d1"), Outbox.push(List.of(second)));
        outbox.written("docs", "d1");
      };

      relay.tick();
      relay.tick();

      List<String> published = probe.drain(Duration.ofSeconds(2));
      assertThat(published).hasSize(2);
      assertThat(published.get(0)).contains(first.id());
      assertThat(published.get(1)).contains(second.id());
      assertThat(docs.find(Filters.eq("_id", "d1")).first().getList("outbox", Document.class)).isEmpty();
    }
  }

  @Test
  void aStoppedRelayPublishesNothingAndItsStartSweepFindsWhatWasLeft() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      OutboxEntry left = entry("C");
      docs.insertOne(new Document("_id", "d2").append("outbox", List.of(Outbox.asDocument(left))));
      outbox.written("docs", "d2");
      relay.tick();
      assertThat(probe.drain(Duration.ofMillis(500))).isEmpty();

      relay.start();
      relay.tick();
      assertThat(probe.drain(Duration.ofSeconds(2))).singleElement().asString().contains(left.id());
    }
  }

  @Test
  void stoppingPublishesWhatThisInstanceWroteLast() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.tick();
      OutboxEntry last = entry("D");
      docs.insertOne(new Document("_id", "d3").append("outbox", List.of(Outbox.asDocument(last))));
      outbox.written("docs", "d3");
      relay.stop();
      assertThat(probe.drain(Duration.ofSeconds(1))).singleElement().asString().contains(last.id());
      assertThat(relay.isRunning()).isFalse();
    }
  }

  @Test
  void aRoundStopsWellInsideTheLeaseAndTheNextRoundsFinish() {
    properties = new OutboxProperties(EXCHANGE, "/relay-test", List.of("docs"), Duration.ofMillis(200),
        Duration.ofMinutes(10), Duration.ofMillis(300), Duration.ofMillis(1600));
    build(client.getDatabase(docs.getNamespace().getDatabaseName()));
    eachPublishTakes = Duration.ofMillis(400);
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.tick();
      for (int i = 0; i < 5; i++) {
        docs.insertOne(new Document("_id", "budget-" + i).append("outbox", List.of(Outbox.asDocument(entry("A")))));
        outbox.written("docs", "budget-" + i);
      }
      relay.tick(); // 1.6 s lease less 2 × 0.3 s reserve: time for about three 0.4 s publishes
      int firstRound = probe.drain(Duration.ofMillis(300)).size();
      assertThat(firstRound).isBetween(1, 4);
      for (int i = 0; i < 5; i++) {
        relay.tick();
      }
      assertThat(firstRound + probe.drain(Duration.ofSeconds(1)).size()).isEqualTo(5);
    }
  }

  @Test
  void aBrokerFailureEndsTheRoundAndTheEventGoesOutLaterInOrder() throws Exception {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.tick();
      OutboxEntry first = entry("A");
      OutboxEntry second = entry("B");
      docs.insertOne(new Document("_id", "f1").append("outbox", List.of(Outbox.asDocument(first))));
      outbox.written("docs", "f1");
      docs.insertOne(new Document("_id", "f2").append("outbox", List.of(Outbox.asDocument(second))));
      outbox.written("docs", "f2");
      failFor.add(first.id());

      relay.tick();
      assertThat(attempted).containsExactly(first.id());
      assertThat(probe.drain(Duration.ofMillis(300))).isEmpty();

      failFor.clear();
      Thread.sleep(properties.pollInterval().toMillis() + 50);
      relay.tick();
      List<String> published = probe.drain(Duration.ofSeconds(1));
      assertThat(published).hasSize(2);
      assertThat(published.get(0)).contains(first.id());
      assertThat(published.get(1)).contains(second.id());
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private OutboxEntry entry(String grade) {
    return outbox.entry(EventType.RATING_CHANGED, "914403001922038216",
        new RatingChanged("914403001922038216", null, null, grade, 100, "v1", clock.instant().atZone(clock.getZone())
            .toOffsetDateTime()));
  }

}
