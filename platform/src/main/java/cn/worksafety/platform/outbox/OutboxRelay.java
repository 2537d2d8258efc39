package cn.worksafety.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import cn.worksafety.platform.outbox.ConfirmedPublisher.Outcome;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes what aggregates left in their outbox (DESIGN.md, "No event lost, none applied twice").
 *
 * <p>Each entry is appended to the {@link EventLog} (which fixes its sequence number), published with
 * confirms, and only then pulled from its document; a failure leaves it for the next round, and a
 * crash after the publish but before the pull republishes the same id and sequence, which consumers
 * drop as a duplicate. One instance at a time relays, under a lease, which keeps the sequence in
 * publishing order; a lost lease expires. Writes made by this instance are relayed at once; a
 * periodic sweep picks up what any instance left behind.
 */
@Component
public class OutboxRelay implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final MongoDatabase database;
  private final EventLog eventLog;
  private final CloudEventEnvelopes envelopes;
  private final ConfirmedPublisher publisher;
  private final LockingTaskExecutor lease;
  private final OutboxProperties properties;
  private final Clock clock;
  private final Counter published;

  /** Documents to relay, each with the number of the latest wake for it, in the order first woken. */
  private final Map<PendingDocument, Long> pending = new LinkedHashMap<>();
  private final AtomicLong wakes = new AtomicLong();
  private final Map<PendingDocument, Backoff> backoff = new ConcurrentHashMap<>();
  private final ReentrantLock draining = new ReentrantLock();
  private volatile boolean running;
  private volatile Instant nextSweep = Instant.MIN;

  public OutboxRelay(MongoDatabase database, EventLog eventLog, CloudEventEnvelopes envelopes,
      ConfirmedPublisher publisher, LockingTaskExecutor lease, OutboxProperties properties, Clock clock,
      MeterRegistry metrics) {
    this.database = database;
    this.eventLog = eventLog;
    this.envelopes = envelopes;
    this.publisher = publisher;
    this.lease = lease;
    this.properties = properties;
    this.clock = clock;
    this.published = Counter.builder("outbox.published").description("events published and confirmed")
        .register(metrics);
    Gauge.builder("outbox.pending.documents", this, r -> r.pendingCount())
        .description("documents known to hold unpublished events").register(metrics);
  }

  record PendingDocument(String collection, Object id) {}

  private record Backoff(Instant until, Duration delay) {}

  /** A document of {@code collection} now holds unpublished events. Ignored while stopped. */
  public void wake(String collection, Object id) {
    if (running) {
      synchronized (pending) {
        pending.put(new PendingDocument(collection, id), wakes.incrementAndGet());
      }
    }
  }

  @Scheduled(fixedDelayString = "${app.outbox.poll-interval:200ms}")
  public void tick() {
    if (!running) {
      return;
    }
    boolean sweepDue = !clock.instant().isBefore(nextSweep);
    if (!sweepDue && pendingCount() == 0) {
      return;
    }
    LockConfiguration config = new LockConfiguration(clock.instant(), "outbox-relay", properties.lease(), Duration.ZERO);
    lease.executeWithLock((Runnable) () -> drain(sweepDue), config);
  }

  private void drain(boolean sweep) {
    draining.lock();
    try {
      if (!running) {
        return;
      }
      if (sweep) {
        sweep();
      }
      // Stop well inside the lease: past it another instance may take over, and two relays would
      // publish the same documents. What is left waits for the next round.
      Instant stopBy = clock.instant().plus(workingTime());
      for (Map.Entry<PendingDocument, Long> woken : snapshot()) {
        if (!running || clock.instant().isAfter(stopBy)) {
          return;
        }
        PendingDocument document = woken.getKey();
        Backoff wait = backoff.get(document);
        if (wait != null && clock.instant().isBefore(wait.until())) {
          continue;
        }
        Outcome outcome = relaySafely(document);
        if (outcome == Outcome.CONFIRMED) {
          // A write that woke us again while we relayed may have added events we did not read: keep it.
          synchronized (pending) {
            pending.remove(document, woken.getValue());
          }
          backoff.remove(document);
          continue;
        }
        Duration delay = wait == null ? properties.pollInterval() : min(wait.delay().multipliedBy(2), MAX_BACKOFF);
        backoff.put(document, new Backoff(clock.instant().plus(delay), delay));
        if (outcome == Outcome.FAILED) {
          // The broker is in trouble: trying every other document now would only wait out every
          // confirm timeout, and would publish later events ahead of this one.
          return;
        }
      }
    } finally {
      draining.unlock();
    }
  }

  private Duration workingTime() {
    Duration reserve = properties.confirmTimeout().multipliedBy(2);
    Duration working = properties.lease().minus(reserve);
    return working.isNegative() || working.isZero() ? properties.lease().dividedBy(2) : working;
  }

  private Outcome relaySafely(PendingDocument document) {
    try {
      return relay(document);
    } catch (RuntimeException e) {
      log.warn("could not relay {} {}: {}", document.collection(), document.id(), e.toString());
      return Outcome.FAILED;
    }
  }

  private void sweep() {
    for (String name : properties.collections()) {
      database.getCollection(name).find(Filters.exists(OutboxEntry.FIELD + ".0"))
          .projection(Projections.include("_id"))
          .forEach(d -> {
            synchronized (pending) {
              pending.putIfAbsent(new PendingDocument(name, d.get("_id")), wakes.incrementAndGet());
            }
          });
    }
    nextSweep = clock.instant().plus(properties.sweepInterval());
  }

  /** Publishes every entry of one document in order, stopping at the first that is not confirmed. */
  private Outcome relay(PendingDocument document) {
    MongoCollection<Document> collection = database.getCollection(document.collection());
    Document found = collection.find(Filters.eq("_id", document.id()))
        .projection(Projections.include(OutboxEntry.FIELD)).first();
    if (found == null) {
      return Outcome.CONFIRMED;
    }
    for (Document stored : found.getList(OutboxEntry.FIELD, Document.class, List.of())) {
      OutboxEntry entry = OutboxEntry.fromDocument(stored);
      long sequence = eventLog.append(entry, s -> envelopes.envelope(entry, s));
      String envelope = eventLog.envelope(sequence).orElseThrow();
      Outcome outcome = publisher.publish(properties.exchange(), entry.id(), entry.type(), envelope, entry.requestId());
      if (outcome != Outcome.CONFIRMED) {
        return outcome;
      }
      collection.updateOne(Filters.eq("_id", document.id()),
          Updates.pull(OutboxEntry.FIELD, new Document("id", entry.id())));
      published.increment();
      log.debug("published {} #{} ({})", entry.type(), sequence, entry.id());
    }
    return Outcome.CONFIRMED;
  }

  private List<Map.Entry<PendingDocument, Long>> snapshot() {
    synchronized (pending) {
      return pending.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }
  }

  int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  /** A (re)started relay trusts nothing it knew before and sweeps every outbox first. */
  @Override
  public void start() {
    nextSweep = Instant.MIN;
    running = true;
  }

  /**
   * Publishes what this instance still knows of (within one lease), then stops; what is left stays
   * in the outboxes for the next sweep of any instance. Runs after the web server has finished its
   * requests (see {@link #getPhase()}), so their events go out with this last round.
   */
  @Override
  public void stop() {
    if (running && pendingCount() > 0) {
      LockConfiguration config = new LockConfiguration(clock.instant(), "outbox-relay", properties.lease(), Duration.ZERO);
      try {
        lease.executeWithLock((Runnable) () -> drain(false), config);
      } catch (RuntimeException e) {
        log.warn("last relay round failed; the outboxes keep the events: {}", e.toString());
      }
    }
    running = false;
    draining.lock();
    try {
      synchronized (pending) {
        pending.clear();
      }
      backoff.clear();
    } finally {
      draining.unlock();
    }
  }

  /** Starts before and stops after the web server and the message listeners. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
