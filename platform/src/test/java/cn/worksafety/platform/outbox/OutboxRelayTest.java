package cn.worksafety.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.contracts.events.RatingChanged;
import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.tracing.TraceContexts;
import cn.worksafety.platform.testing.QueueProbe;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
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
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  private static final Duration SILENCE = Duration.ofSeconds(30);
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
  private final JsonMapper json = JsonMapper.builder().build();
  /** Rounds only when a test calls tick(), so each test decides when the relay works. */
  private OutboxProperties properties = new OutboxProperties(EXCHANGE, "/relay-test", List.of("docs"),
      Duration.ofMillis(200), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(30), 256, false, HEARTBEAT, SILENCE);
  private MongoClient client;
  private MongoCollection<Document> docs;
  private CachingConnectionFactory connections;
  private Outbox outbox;
  private OutboxRelay relay;
  private Runnable duringFirstPublish = () -> { };
  private Duration eachPublishTakes = Duration.ZERO;
  private final List<String> failFor = new java.util.ArrayList<>();
  private final List<String> attempted = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger leasesRefused = new java.util.concurrent.atomic.AtomicInteger();

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
      /** Sends what the test does not fail, through the real broker; the failed ones never leave. */
      @Override
      public List<Outcome> publishAll(String exchange, List<Outgoing> events) {
        events.forEach(e -> attempted.add(e.eventId()));
        Runnable hook = duringFirstPublish;
        duringFirstPublish = () -> { };
        hook.run();
        sleep(eachPublishTakes.multipliedBy(events.size()));
        List<Outgoing> sent = events.stream().filter(e -> !failFor.contains(e.eventId())).toList();
        java.util.Iterator<Outcome> outcomes = super.publishAll(exchange, sent).iterator();
        return events.stream().map(e -> failFor.contains(e.eventId()) ? Outcome.FAILED : outcomes.next()).toList();
      }
    };
    relay = new OutboxRelay(database, new EventLog(database), new CloudEventEnvelopes(json, clock, properties),
        publisher, new DefaultLockingTaskExecutor(countingRefusals(new MongoLockProvider(database.getCollection("leases")))),
        properties, clock, new SimpleMeterRegistry());
    outbox = new Outbox(json, clock, relay, TraceContexts.off());
  }

  /** Rounds only when a write starts one: the poll is ten minutes away. */
  private void relayOnWriteOnly() {
    properties = new OutboxProperties(EXCHANGE, "/relay-test", List.of("docs"), Duration.ofMinutes(10),
        Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(30), 256, true, HEARTBEAT, SILENCE);
    build(client.getDatabase(docs.getNamespace().getDatabaseName()));
  }

  private LockProvider countingRefusals(LockProvider provider) {
    return configuration -> {
      Optional<SimpleLock> lock = provider.lock(configuration);
      if (lock.isEmpty()) {
        leasesRefused.incrementAndGet();
      }
      return lock;
    };
  }

  @AfterEach
  void close() {
    relay.stop();
    connections.destroy();
    client.close();
  }

  /** The sign-off is a courtesy: with the store gone, a stop must not wait out the driver's 30 s. */
  @Test
  void aRelayWhoseStoreIsGoneStillStopsWithinSeconds() {
    MongoServer store = new MongoServer(new MemoryBackend());
    InetSocketAddress address = store.bind();
    try (MongoClient own = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      relay.stop();
      build(own.getDatabase("gone"));
      relay.start();
      store.shutdownNow();
      try {
        own.getDatabase("gone").runCommand(new Document("ping", 1)); // the driver learns the store is gone
      } catch (RuntimeException expected) {
        // as every request does once the store is down
      }

      long started = System.nanoTime();
      relay.stop();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(OutboxRelay.LONGEST_SIGN_OFF.plusSeconds(3));
    } finally {
      build(client.getDatabase(docs.getNamespace().getDatabaseName()));
    }
  }

  @Test
  void aWriteThatLandsWhileTheDocumentIsBeingRelayedIsRelayedToo() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.sweepIfDue(); // the start-up sweep: nothing there yet
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
  void aWriteIsPublishedAtOnceWithoutWaitingForThePoll() {
    relayOnWriteOnly();
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      OutboxEntry written = entry("P");
      docs.insertOne(new Document("_id", "d0").append("outbox", List.of(Outbox.asDocument(written))));

      outbox.written("docs", "d0"); // and no tick: nothing but the write starts a round

      assertThat(probe.drain(Duration.ofSeconds(2))).singleElement().asString().contains(written.id());
      assertThat(docs.find(Filters.eq("_id", "d0")).first().getList("outbox", Document.class)).isEmpty();
    }
  }

  @Test
  void thePollNeverRacesARoundAWriteStartedForTheLease() {
    relayOnWriteOnly();
    eachPublishTakes = Duration.ofMillis(300);
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      for (int i = 0; i < 3; i++) {
        OutboxEntry written = entry("W" + i);
        docs.insertOne(new Document("_id", "w" + i).append("outbox", List.of(Outbox.asDocument(written))));
        outbox.written("docs", "w" + i);
        for (int poll = 0; poll < 5; poll++) {
          relay.poll();
          sleep(Duration.ofMillis(40));
        }
      }

      assertThat(probe.drain(Duration.ofSeconds(3))).hasSize(3);
      assertThat(leasesRefused).as("lease attempts refused within one instance").hasValue(0);
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
      relay.sweepIfDue();
      relay.tick();
      assertThat(probe.drain(Duration.ofSeconds(2))).singleElement().asString().contains(left.id());
    }
  }

  @Test
  void whenAnotherInstanceFallsSilentWhatItLeftIsSweptUpWithoutWaitingForTheTimer() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.sweepIfDue(); // the start-up sweep; the next is 10 minutes away
      OutboxEntry orphan = entry("E");
      // what an instance that crashed between its write and the publication leaves behind
      docs.insertOne(new Document("_id", "d9").append("outbox", List.of(Outbox.asDocument(orphan))));
      MongoCollection<Document> relays =
          client.getDatabase(docs.getNamespace().getDatabaseName()).getCollection(RelayPeers.COLLECTION);
      relays.insertOne(new Document("_id", "peer").append("seenAt", Date.from(clock.instant())));

      relay.watchPeers(); // the peer spoke a moment ago: no sweep
      relay.sweepIfDue();
      relay.tick();
      assertThat(probe.drain(Duration.ofMillis(500))).isEmpty();

      relays.updateOne(Filters.eq("_id", "peer"),
          Updates.set("seenAt", Date.from(clock.instant().minus(SILENCE).minusSeconds(1))));
      relay.watchPeers();
      relay.tick();

      assertThat(probe.drain(Duration.ofSeconds(2))).singleElement().asString().contains(orphan.id());
      assertThat(relays.find(Filters.eq("_id", "peer")).first()).as("the silent peer is forgotten once swept").isNull();
      assertThat(relays.countDocuments()).as("this instance's own heartbeat").isEqualTo(1);
    }
  }

  @Test
  void anInstanceThatStopsOrIsWrittenToStoppedWithEventsUnpublishedAsksTheOthersToSweep() {
    MongoCollection<Document> relays =
        client.getDatabase(docs.getNamespace().getDatabaseName()).getCollection(RelayPeers.COLLECTION);
    relay.start();
    relay.stop();
    assertThat(relays.countDocuments()).isZero();
    docs.insertOne(new Document("_id", "d7").append("outbox", List.of(Outbox.asDocument(entry("G")))));
    outbox.written("docs", "d7"); // a write after the relay stopped, as a last scheduled job's
    assertThat(relays.find().first().getDate("seenAt").toInstant()).isEqualTo(java.time.Instant.EPOCH);
    relays.deleteMany(new Document());

    relay.start();
    OutboxEntry failing = entry("F");
    failFor.add(failing.id());
    docs.insertOne(new Document("_id", "d8").append("outbox", List.of(Outbox.asDocument(failing))));
    outbox.written("docs", "d8");
    relay.stop();

    assertThat(relays.find().first().getDate("seenAt").toInstant()).isEqualTo(java.time.Instant.EPOCH);
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
        Duration.ofMinutes(10), Duration.ofMillis(300), Duration.ofMillis(1600), 1, false, HEARTBEAT, SILENCE);
    build(client.getDatabase(docs.getNamespace().getDatabaseName()));
    eachPublishTakes = Duration.ofMillis(400);
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.tick();
      for (int i = 0; i < 5; i++) {
        docs.insertOne(new Document("_id", "budget-" + i).append("outbox", List.of(Outbox.asDocument(entry("A")))));
        outbox.written("docs", "budget-" + i);
      }
      relay.tick(); // 1.6 s lease less 2 × 0.3 s reserve: time for about three 0.4 s batches of one
      int firstRound = probe.drain(Duration.ofMillis(300)).size();
      assertThat(firstRound).isBetween(1, 4);
      for (int i = 0; i < 5; i++) {
        relay.tick();
      }
      assertThat(firstRound + probe.drain(Duration.ofSeconds(1)).size()).isEqualTo(5);
    }
  }

  @Test
  void aBrokerFailurePausesTheRelayAndTheFailedEventGoesOutAfterwardsUnderItsOwnSequenceNumber()
      throws Exception {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.sweepIfDue();
      OutboxEntry first = entry("A");
      OutboxEntry second = entry("B");
      docs.insertOne(new Document("_id", "f1").append("outbox", List.of(Outbox.asDocument(first))));
      outbox.written("docs", "f1");
      docs.insertOne(new Document("_id", "f2").append("outbox", List.of(Outbox.asDocument(second))));
      outbox.written("docs", "f2");
      failFor.add(first.id());

      relay.tick();
      assertThat(attempted).containsExactly(first.id(), second.id());
      String secondPublished = probe.await(m -> m.contains(second.id()), Duration.ofSeconds(1));
      assertThat(outboxIds("f1")).containsExactly(first.id());
      assertThat(outboxIds("f2")).isEmpty();

      failFor.clear();
      relay.tick();
      assertThat(probe.drain(Duration.ofMillis(300))).as("the relay pauses after a broker failure").isEmpty();
      Thread.sleep(properties.pollInterval().toMillis() + 50);
      relay.tick();
      String firstPublished = probe.await(m -> m.contains(first.id()), Duration.ofSeconds(1));
      assertThat(sequence(firstPublished)).isEqualTo(sequence(secondPublished) - 1);
      assertThat(probe.drain(Duration.ofMillis(300))).as("nothing published twice").isEmpty();
      assertThat(outboxIds("f1")).isEmpty();
    }
  }

  @Test
  void manyDocumentsGoOutInBatchesInOrderWithGapFreeSequenceNumbers() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, "#")) {
      relay.start();
      relay.sweepIfDue();
      List<String> expected = new java.util.ArrayList<>();
      List<List<String>> twoEach = new java.util.ArrayList<>();
      for (int i = 0; i < 600; i++) {
        List<OutboxEntry> entries = i % 3 == 0 ? List.of(entry("A"), entry("B")) : List.of(entry("C"));
        entries.forEach(e -> expected.add(e.id()));
        if (entries.size() == 2) {
          twoEach.add(entries.stream().map(OutboxEntry::id).toList());
        }
        docs.insertOne(new Document("_id", "many-" + i)
            .append("outbox", entries.stream().map(Outbox::asDocument).toList()));
        outbox.written("docs", "many-" + i);
      }

      relay.tick();

      List<String> published = probe.drain(Duration.ofSeconds(3));
      List<String> ids = published.stream().map(OutboxRelayTest::eventId).toList();
      assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
      for (List<String> pair : twoEach) {
        assertThat(ids.indexOf(pair.get(0))).as("a document's events in order").isLessThan(ids.indexOf(pair.get(1)));
      }
      List<Long> sequences = published.stream().map(OutboxRelayTest::sequence).toList();
      for (int i = 1; i < sequences.size(); i++) {
        assertThat(sequences.get(i)).isEqualTo(sequences.get(0) + i);
      }
      assertThat(docs.countDocuments(Filters.exists("outbox.0"))).isZero();
      assertThat(relay.pendingCount()).isZero();
    }
  }

  @Test
  void anEventNoQueueIsBoundForHoldsBackOnlyTheRestOfItsOwnDocument() {
    try (QueueProbe probe = QueueProbe.bind(EXCHANGE, EventType.RATING_CHANGED.type())) {
      relay.start();
      relay.sweepIfDue();
      OutboxEntry unroutable = outbox.entry(EventType.HAZARD_OVERDUE, "914403001922038216",
          new HazardOverdue("i1", "h1", "914403001922038216", "440300", true, "MAJOR",
              java.time.LocalDate.of(2026, 1, 5), "消防通道堵塞"));
      OutboxEntry behindIt = entry("A");
      OutboxEntry elsewhere = entry("B");
      docs.insertOne(new Document("_id", "u1")
          .append("outbox", List.of(Outbox.asDocument(unroutable), Outbox.asDocument(behindIt))));
      outbox.written("docs", "u1");
      docs.insertOne(new Document("_id", "u2").append("outbox", List.of(Outbox.asDocument(elsewhere))));
      outbox.written("docs", "u2");

      relay.tick();

      assertThat(probe.drain(Duration.ofSeconds(1))).singleElement().asString().contains(elsewhere.id());
      assertThat(attempted).as("nothing behind the returned event is tried").doesNotContain(behindIt.id());
      assertThat(outboxIds("u1")).containsExactly(unroutable.id(), behindIt.id());
      assertThat(outboxIds("u2")).isEmpty();
      assertThat(relay.pendingCount()).isEqualTo(1);
    }
  }

  private List<String> outboxIds(String id) {
    return docs.find(Filters.eq("_id", id)).first().getList("outbox", Document.class).stream()
        .map(d -> d.getString("id")).toList();
  }

  private static String eventId(String envelope) {
    return JsonMapper.builder().build().readTree(envelope).get("id").asString();
  }

  private static long sequence(String envelope) {
    return Long.parseLong(JsonMapper.builder().build().readTree(envelope).get("sequence").asString());
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
