package cn.worksafety.credit.publicquery.application;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.model.IndexStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Keeps this replica's name index in step with the store: a walk through every registered
 * enterprise at start, and each enterprise event as it arrives on the replica's own queue. The
 * queue exists before a walk begins, so what the walk reads too early arrives as an event.
 *
 * <p>A walk and the events meet under one lock, and of two names of an enterprise the one with the
 * higher enforcement sequence wins: an event applied during a walk is not overwritten by the older
 * name the walk reads afterwards, and an event that comes twice or late does not bring back an older
 * name. The sequences of the most recent events are kept (a bounded number); a walk's are not.
 */
@Service
public class NameIndexing implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(NameIndexing.class);
  private static final int BATCH = 500;
  private static final long PROGRESS_EVERY = 100_000;
  private static final int RECENT_EVENTS = 100_000;
  private static final Duration RETRY = Duration.ofSeconds(5);
  private final NameIndex index;
  private final CreditFileService files;
  private final Clock clock;
  private final ScheduledExecutorService walker = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "name-index-walk");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean walkQueued = new AtomicBoolean();
  private final Map<String, Long> recentEvents = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > RECENT_EVENTS;
    }
  };
  private volatile boolean walking;
  private volatile long walked;
  private volatile long expected;
  private volatile Instant walkStartedAt;
  private volatile Instant searchableSince;
  private volatile long eventsApplied;

  public NameIndexing(NameIndex index, CreditFileService files, Clock clock) {
    this.index = index;
    this.files = files;
    this.clock = clock;
  }

  public IndexStatus status() {
    return new IndexStatus(walking, walked, expected, walkStartedAt, searchableSince, eventsApplied);
  }

  /** Walks through the store soon, on the walk's own thread; asked while a walk runs, walks once more after it. */
  public void walk() {
    if (walkQueued.compareAndSet(false, true)) {
      walker.execute(this::walkNow);
    }
  }

  /** An enterprise's name as an event gives it; applied unless the index already has a newer one. */
  public synchronized void eventArrived(RegisteredName name) {
    Long known = recentEvents.get(name.uscc());
    if (known != null && known >= name.profileSequence()) {
      log.debug("name index: {} of {} is not newer than {}", name.profileSequence(), name.uscc(), known);
      return;
    }
    index.put(List.of(name));
    recentEvents.remove(name.uscc());
    recentEvents.put(name.uscc(), name.profileSequence());
    eventsApplied++;
  }

  private synchronized void walked(List<RegisteredName> names) {
    List<RegisteredName> older = new ArrayList<>(names.size());
    for (RegisteredName name : names) {
      Long known = recentEvents.get(name.uscc());
      if (known == null || known < name.profileSequence()) {
        older.add(name);
      }
    }
    index.put(older);
  }

  private void walkNow() {
    walkQueued.set(false);
    try {
      walkOnce();
    } catch (RuntimeException e) {
      walking = false;
      log.warn("name index: the walk through the store failed ({}); trying again in {} s", e.toString(),
          RETRY.toSeconds());
      walker.schedule(this::walk, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void walkOnce() {
    boolean catchingUp = searchableSince != null;
    walkStartedAt = clock.instant();
    expected = files.count();
    walked = 0;
    walking = true;
    log.info("name index: walking through about {} credit files{}", expected, catchingUp ? " to catch up" : "");
    try (Stream<RegisteredName> names = files.registeredNames()) {
      Iterator<RegisteredName> each = names.iterator();
      List<RegisteredName> batch = new ArrayList<>(BATCH);
      while (each.hasNext()) {
        if (Thread.currentThread().isInterrupted()) {
          log.info("name index: walk stopped after {} enterprises", walked);
          return;
        }
        batch.add(each.next());
        if (batch.size() == BATCH || !each.hasNext()) {
          walked(batch);
          long before = walked;
          walked = before + batch.size();
          if (walked / PROGRESS_EVERY != before / PROGRESS_EVERY) {
            log.info("name index: {} of about {} enterprises walked", walked, expected);
          }
          batch.clear();
        }
      }
    }
    if (!catchingUp) {
      index.openForSearch();
      searchableSince = clock.instant();
    }
    walking = false;
    log.info("name index: {} enterprises walked in {} s{}", walked,
        Duration.between(walkStartedAt, clock.instant()).toSeconds(), catchingUp ? "" : "; searchable");
  }

  @Override
  public void destroy() throws InterruptedException {
    walker.shutdownNow();
    walker.awaitTermination(10, TimeUnit.SECONDS);
  }
}
