package cn.worksafety.platform.outbox;

import cn.worksafety.platform.outbox.RelayBatch.PendingDocument;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes what aggregates left in their outbox (DESIGN.md, "No event lost, none applied twice").
 *
 * <p>Documents are relayed in batches ({@link RelayBatch}): each entry is appended to the {@link
 * EventLog} (which fixes its sequence number), published with confirms, and only then pulled from
 * its document; a failure leaves it for the next round, and a crash after the publish but before
 * the pull republishes the same id and sequence, which consumers drop as a duplicate. One instance
 * at a time relays, under a lease, which keeps the sequence in publishing order; a lost lease
 * expires. A write made by this instance starts a round at once on the relay's own thread (a write
 * during a round queues one more), so an event does not wait for the poll; the poll retries what
 * failed. What an instance leaves behind (it crashed, or stopped with events unpublished) is found
 * by a sweep of every outbox, on its own thread so a long scan never holds up publishing: when an
 * instance starts, when another falls silent ({@link RelayPeers}), and rarely on a timer besides.
 * On the embedded store a sweep reads every document with the collection locked, so it runs only
 * when there may be something to find.
 */
@Component
public class OutboxRelay implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  /**
   * The sign-off is a courtesy (the others notice a silent instance anyway): with the store gone it
   * would wait for the driver's 30 s server selection, longer than a stop may take.
   */
  static final Duration LONGEST_SIGN_OFF = Duration.ofSeconds(2);
  /** Longer than a sweep of a million documents takes; a crash mid-sweep holds off the next no longer. */
  private static final Duration SWEEP_LEASE = Duration.ofMinutes(15);

  private final MongoDatabase database;
  private final RelayBatch batches;
  private final LockingTaskExecutor lease;
  private final OutboxProperties properties;
  private final Clock clock;
  private final Counter published;
  private final RelayPeers peers;

  /** Documents to relay, each with the number of the latest wake for it, in the order first woken. */
  private final Map<PendingDocument, Long> pending = new LinkedHashMap<>();
  private final AtomicLong wakes = new AtomicLong();
  /** Documents held back because no queue is bound for one of their events. */
  private final Map<PendingDocument, Backoff> held = new ConcurrentHashMap<>();
  private final ReentrantLock draining = new ReentrantLock();
  /** Set after the broker or the store failed a batch: the relay waits it out before trying again. */
  private volatile Backoff pause;
  private volatile boolean running;
  private volatile Instant nextSweep = Instant.MIN;
  private final ExecutorService rounds = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "outbox-relay");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean roundQueued = new AtomicBoolean();

  public OutboxRelay(MongoDatabase database, EventLog eventLog, CloudEventEnvelopes envelopes,
      ConfirmedPublisher publisher, LockingTaskExecutor lease, OutboxProperties properties, Clock clock,
      MeterRegistry metrics) {
    this.database = database;
    this.batches = new RelayBatch(database, eventLog, envelopes, publisher, properties.exchange());
    this.lease = lease;
    this.properties = properties;
    this.clock = clock;
    this.peers = new RelayPeers(database);
    this.published = Counter.builder("outbox.published").description("events published and confirmed")
        .register(metrics);
    Gauge.builder("outbox.pending.documents", this, r -> r.pendingCount())
        .description("documents known to hold unpublished events").register(metrics);
  }

  private record Backoff(Instant until, Duration delay) {
    boolean waiting(Instant now) {
      return now.isBefore(until);
    }

    /** The first wait, or twice the previous one, up to {@link #MAX_BACKOFF}. */
    static Backoff after(Backoff previous, Instant now, Duration first) {
      Duration delay = previous == null ? first : previous.delay().multipliedBy(2);
      delay = delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
      return new Backoff(now.plus(delay), delay);
    }
  }

  /**
   * A document of {@code collection} now holds unpublished events. While stopped (a scheduled job
   * may still write during shutdown) this instance signs off as having left work, so another sweeps.
   */
  public void wake(String collection, Object id) {
    if (!running) {
      signOff(true);
      return;
    }
    synchronized (pending) {
      pending.put(new PendingDocument(collection, id), wakes.incrementAndGet());
    }
    if (properties.relayOnWrite()) {
      queueRound();
    }
  }

  /** One round on the relay's thread, unless one is already waiting to start (it will see this wake too). */
  private void queueRound() {
    if (roundQueued.compareAndSet(false, true)) {
      rounds.execute(() -> {
        roundQueued.set(false);
        tick();
      });
    }
  }

  /**
   * The poll, for retries and for what another instance left: a round on the relay's own thread,
   * after any round a write started, so that the two never race each other for the lease (the
   * loser's failed lease write cost the store an error for nothing).
   */
  @Scheduled(fixedDelayString = "${app.outbox.poll-interval:200ms}")
  public void poll() {
    if (running && pendingCount() > 0) {
      queueRound();
    }
  }

  /** One relay round on the calling thread, under the lease. */
  public void tick() {
    if (!running || pendingCount() == 0) {
      return;
    }
    Backoff paused = pause;
    if (paused != null && paused.waiting(clock.instant())) {
      return;
    }
    long wokenBefore = wakes.get();
    lease.executeWithLock((Runnable) this::drain, leaseFor("outbox-relay", properties.lease(), Duration.ZERO));
    // Writes during this round, or while another instance held the lease, want another round.
    if (properties.relayOnWrite() && wakes.get() != wokenBefore && pause == null) {
      queueRound();
    }
  }

  /**
   * Scans every outbox when this instance has just started or the last-resort timer is due.
   */
  @Scheduled(fixedDelayString = "${app.outbox.sweep-check:1s}")
  public void sweepIfDue() {
    if (!running || clock.instant().isBefore(nextSweep)) {
      return;
    }
    sweepUnderLease();
    nextSweep = clock.instant().plus(properties.sweepInterval());
  }

  /**
   * Says this instance is alive, and sweeps when another fell silent for {@code
   * app.outbox.peer-silence}: it may have crashed between a write and its publication.
   */
  @Scheduled(fixedDelayString = "${app.outbox.heartbeat:10s}")
  public void watchPeers() {
    if (!running) {
      return;
    }
    Instant now = clock.instant();
    peers.beat(now);
    List<RelayPeers.Peer> silent = peers.silentSince(now.minus(properties.peerSilence()));
    if (!silent.isEmpty()) {
      log.info("{} other instance(s) fell silent or left events unpublished: sweeping every outbox", silent.size());
      sweepUnderLease();
    }
  }

  /** One instance sweeps at a time; one that finds another sweeping leaves this round to it. */
  private void sweepUnderLease() {
    lease.executeWithLock((Runnable) this::sweep, leaseFor("outbox-sweep", SWEEP_LEASE, Duration.ZERO));
  }

  private LockConfiguration leaseFor(String name, Duration atMost, Duration atLeast) {
    return new LockConfiguration(clock.instant(), name, atMost, atLeast);
  }

  private void drain() {
    draining.lock();
    try {
      // Stop well inside the lease: past it another instance may take over, and two relays would
      // publish the same documents. What is left waits for the next round.
      Instant stopBy = clock.instant().plus(workingTime());
      List<Map.Entry<PendingDocument, Long>> ready = snapshot().stream()
          .filter(e -> !isHeld(e.getKey())).toList();
      for (int from = 0; from < ready.size(); from += properties.batchSize()) {
        if (!running || clock.instant().isAfter(stopBy)) {
          return;
        }
        List<Map.Entry<PendingDocument, Long>> batch =
            ready.subList(from, Math.min(ready.size(), from + properties.batchSize()));
        if (!relay(batch)) {
          return;
        }
      }
    } finally {
      draining.unlock();
    }
  }

  /** Relays one batch and settles what became of each document; false if the broker is in trouble. */
  private boolean relay(List<Map.Entry<PendingDocument, Long>> batch) {
    RelayBatch.Result result;
    try {
      result = batches.relay(batch.stream().map(Map.Entry::getKey).toList());
    } catch (RuntimeException e) {
      log.warn("could not relay {} documents: {}", batch.size(), e.toString());
      pause = Backoff.after(pause, clock.instant(), properties.pollInterval());
      return false;
    }
    published.increment(result.published());
    Instant now = clock.instant();
    for (Map.Entry<PendingDocument, Long> woken : batch) {
      PendingDocument document = woken.getKey();
      if (result.done().contains(document)) {
        // A write that woke us again while we relayed may have added events we did not read: keep it.
        synchronized (pending) {
          pending.remove(document, woken.getValue());
        }
        held.remove(document);
      } else if (result.held().contains(document)) {
        held.put(document, Backoff.after(held.get(document), now, properties.pollInterval()));
      }
    }
    if (result.brokerFailed()) {
      // Trying more batches now would only wait out more confirm timeouts; the batch's unconfirmed
      // events go out first when the pause is over.
      pause = Backoff.after(pause, now, properties.pollInterval());
      return false;
    }
    pause = null;
    return true;
  }

  private boolean isHeld(PendingDocument document) {
    Backoff wait = held.get(document);
    return wait != null && wait.waiting(clock.instant());
  }

  private Duration workingTime() {
    Duration reserve = properties.confirmTimeout().multipliedBy(2);
    Duration working = properties.lease().minus(reserve);
    return working.isNegative() || working.isZero() ? properties.lease().dividedBy(2) : working;
  }

  /** Finds every document with unpublished events; then forgets the silent instances seen before it began. */
  private void sweep() {
    List<RelayPeers.Peer> silent = peers.silentSince(clock.instant().minus(properties.peerSilence()));
    for (String name : properties.collections()) {
      database.getCollection(name).find(Filters.exists(OutboxEntry.FIELD + ".0"))
          .projection(Projections.include("_id"))
          .forEach(d -> {
            synchronized (pending) {
              pending.putIfAbsent(new PendingDocument(name, d.get("_id")), wakes.incrementAndGet());
            }
          });
    }
    peers.forget(silent);
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

  /** A (re)started relay trusts nothing it knew before and sweeps every outbox first. */
  @Override
  public void start() {
    nextSweep = Instant.MIN;
    pause = null;
    running = true;
    peers.beat(clock.instant());
  }

  /**
   * Publishes what this instance still knows of (within one lease), then stops; what is left stays
   * in the outboxes for the next sweep of any instance. Runs after the web server has finished its
   * requests (see {@link #getPhase()}), so their events go out with this last round.
   */
  @Override
  public void stop() {
    if (running && pendingCount() > 0) {
      try {
        lease.executeWithLock((Runnable) this::drain, leaseFor("outbox-relay", properties.lease(), Duration.ZERO));
      } catch (RuntimeException e) {
        log.warn("last relay round failed; the outboxes keep the events: {}", e.toString());
      }
    }
    running = false;
    signOff(pendingCount() > 0);
    draining.lock();
    try {
      synchronized (pending) {
        pending.clear();
      }
      held.clear();
    } finally {
      draining.unlock();
    }
  }

  private void signOff(boolean leftWork) {
    try {
      peers.leave(leftWork, LONGEST_SIGN_OFF);
    } catch (RuntimeException e) {
      log.warn("could not sign off; the others will sweep once this instance's silence shows: {}", e.toString());
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
