package cn.worksafety.bench;

import static cn.worksafety.bench.Report.abbreviate;
import static cn.worksafety.bench.Report.cpuTime;
import static cn.worksafety.bench.Report.loadAverage;
import static cn.worksafety.bench.Report.result;
import static cn.worksafety.bench.Report.say;
import static cn.worksafety.bench.Report.seconds;
import static cn.worksafety.bench.Report.since;
import static cn.worksafety.bench.Report.verdict;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Case transitions through enforcement-service's API with many cases in the embedded H2 store.
 *
 * <p>Starts the embedded store (H2 file backend, its own process, as the local stack runs it) and the
 * packaged enforcement-service (its own process, fixed heap) on free ports, seeds enterprises and
 * cases through the API, then has client threads take cases through their lifecycle for a fixed
 * time, recording every request's latency. After the load stops it measures how long the relay
 * takes to publish what the transitions left in the outboxes. Ends with {@code RESULT} lines that a
 * summary table can be built from. Run it with {@code bench/case-transitions} (see bench/README.md).
 */
public final class CaseTransitions {
  private static final String REGION = "440300";
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long MAX_LATENCY_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

  /** The lifecycle every case is taken through; approval and closure each put one event in the outbox. */
  private enum Step {
    INVESTIGATION("investigation", false, ts -> "{}"),
    NOTICE("notice", false, ts -> "{\"proposedPenalties\":[{\"kind\":\"FINE\",\"amount\":\"50000.00\"}],"
        + "\"defenceWaived\":true}"),
    DECISION("decision", false, ts -> "{\"violationCodes\":[\"AQSC-099-3\"],"
        + "\"penalties\":[{\"kind\":\"FINE\",\"amount\":\"30000.00\"}]}"),
    APPROVAL("approval", true, ts -> "{}"),
    SERVICE("service", false, ts -> "{\"servedAt\":\"" + ts + "\",\"method\":\"直接送达\"}"),
    EXECUTION("execution", false, ts -> "{\"executedAt\":\"" + ts + "\",\"amountPaid\":\"30000.00\"}"),
    CLOSURE("closure", false, ts -> "{\"reason\":\"罚款已缴纳，处罚决定执行完毕\"}");

    final String path;
    final boolean supervisor;
    final java.util.function.Function<String, String> body;

    Step(String path, boolean supervisor, java.util.function.Function<String, String> body) {
      this.path = path;
      this.supervisor = supervisor;
      this.body = body;
    }

    boolean event() {
      return this == APPROVAL || this == CLOSURE;
    }
  }

  private final Options options;
  private final Path work;
  private final Stack stack;

  // what the load produced
  private final Histogram all = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);
  private final Map<Step, Histogram> perStep = new LinkedHashMap<>();
  private final Recorder interval = new Recorder(MAX_LATENCY_MICROS, 3);
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final List<String> errorSamples = new CopyOnWriteArrayList<>();
  private final AtomicLong measured = new AtomicLong();
  private final AtomicLong eventsCaused = new AtomicLong();
  private final AtomicLong lastResponse = new AtomicLong();
  private final AtomicInteger nextCase = new AtomicInteger();
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean ranOutOfCases;

  private CaseTransitions(Options options, Path work, Stack stack) {
    this.options = options;
    this.work = work;
    this.stack = stack;
    for (Step step : Step.values()) {
      perStep.put(step, new ConcurrentHistogram(MAX_LATENCY_MICROS, 3));
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("case-transitions: " + e.getMessage() + "\n" + Options.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(Options.USAGE);
      return;
    }
    Path work = Files.createTempDirectory("bench-case-transitions-");
    Stack stack = new Stack(options.root(), work);
    System.exit(stack.runThenStop(options.keep(), () -> new CaseTransitions(options, work, stack).run()));
  }

  private int run() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    say("Case transitions through enforcement-service — %d cases, %d client threads, %s warm-up + %s measured",
        options.cases(), options.threads(), seconds(options.warmup()), seconds(options.duration()));
    say("machine: %d cores shared by this client, the store, the service and RabbitMQ; Java %s",
        cores, System.getProperty("java.version"));
    say("work dir: %s", work);

    String secret = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(32));
    Stack.Broker broker = options.broker();
    try (EventCounter events = new EventCounter(broker, EventCounter.EXCHANGE)) {
      say("RabbitMQ %s:%d vhost '%s': counting events on a queue of our own bound to %s",
          broker.host(), broker.port(), broker.vhost(), EventCounter.EXCHANGE);

      long t = System.nanoTime();
      Child store = stack.startStore(null, null);
      say("store: embedded mongo-java-server, H2 file backend (%s), pid %d, ready in %s",
          work.resolve("store.mv.db"), store.pid(), seconds(since(t)));

      t = System.nanoTime();
      Stack.Service started = stack.startService("enforcement-service", "enforcement", options.heap(),
          options.serviceJavaOptions(), broker, secret);
      Child service = started.process();
      URI base = started.base();
      say("service: enforcement-service -Xmx%s %s(default GC), pid %d, %s, ready in %s",
          options.heap(), options.serviceJavaOptions().stream().map(o -> o + " ").reduce("", String::concat),
          service.pid(), base, seconds(since(t)));

      ServiceApi api = new ServiceApi(base, secret, REGION);
      try (ServiceMetrics metrics = new ServiceMetrics(api);
          MongoClient mongo = MongoClients.create(stack.storeUri())) {
        MongoCollection<Document> cases = mongo.getDatabase("enforcement").getCollection("cases");
        return measure(api, metrics, events, cases, service, store);
      }
    }
  }

  private int measure(ServiceApi api, ServiceMetrics metrics, EventCounter events, MongoCollection<Document> cases,
      Child service, Child store) throws Exception {
    // ---- seeding ----
    metrics.phase("seeding");
    long t = System.nanoTime();
    List<String> usccs = new ArrayList<>(options.enterprises());
    for (int i = 0; i < options.enterprises(); i++) {
      usccs.add(uscc(i));
    }
    seed("enterprises", options.enterprises(), i -> {
      ServiceApi.Answer answer = api.post("/api/enforcement/enterprises", "{\"uscc\":\"" + usccs.get(i)
          + "\",\"name\":\"深圳市基准测试第" + i + "号化工有限公司\",\"region\":\"" + REGION
          + "\",\"industry\":\"HAZARDOUS_CHEMICALS\",\"standardizationGrade\":\"LEVEL_2\"}", null, ServiceApi.Role.OFFICER);
      return answer.ok() ? "" : null;
    });
    double enterpriseSeconds = since(t).toMillis() / 1000.0;

    t = System.nanoTime();
    String[] ids = new String[options.cases()];
    String[] etags = new String[options.cases()];
    seed("cases", options.cases(), i -> {
      ServiceApi.Answer answer = api.post("/api/enforcement/cases", "{\"uscc\":\"" + usccs.get(i % usccs.size())
          + "\",\"title\":\"基准测试案件" + i + "：未按规定开展安全生产教育和培训\","
          + "\"officers\":[\"bench-officer\",\"bench-officer-2\"]}", null, ServiceApi.Role.OFFICER);
      if (!answer.ok()) {
        return null;
      }
      ids[i] = JSON.readTree(answer.body()).path("id").asString();
      etags[i] = answer.etag();
      return ids[i];
    });
    Duration caseSeeding = since(t);
    double seedRate = options.cases() / Math.max(0.001, caseSeeding.toMillis() / 1000.0);
    long stored = retried("counting the cases", () -> cases.countDocuments());
    say("seeded: %d enterprises in %.1f s; %d cases in %s (%.0f cases/s); the store holds %d cases",
        options.enterprises(), enterpriseSeconds, options.cases(), seconds(caseSeeding), seedRate, stored);

    // the enterprises' registration events go out first, so they do not count as the load's backlog
    awaitEvents(events, "enforcement.enterprise.registered", options.enterprises(), Duration.ofMinutes(3));
    long eventsBefore = events.total();

    // what the relay's periodic sweep costs at this size: the same query, timed here once
    long q = System.nanoTime();
    long withOutbox = retried("the outbox filter", () -> cases.countDocuments(Filters.exists("outbox.0")));
    Duration scan = since(q);
    say("store: a filter on outbox.0 (the relay's sweep; not an index) took %d ms over %d cases (%d match)",
        scan.toMillis(), stored, withOutbox);

    // ---- load ----
    metrics.phase("load");
    say("load: %d threads, each taking cases through %s", options.threads(),
        String.join(" → ", Stream.of(Step.values()).map(s -> s.path).toList()));
    String loadBefore = loadAverage();
    say("  machine load average before the load: %s (anything well above 0 is another process sharing the cores)",
        loadBefore);
    ServiceMetrics.Sample gcBefore = null;
    long[] cpuBefore = null;
    long start = System.nanoTime();
    measureStart = start + options.warmup().toNanos();
    measureEnd = measureStart + options.duration().toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.threads(); i++) {
      Thread worker = new Thread(() -> work(api, ids, etags), "client-" + i);
      worker.start();
      workers.add(worker);
    }
    boolean warm = options.warmup().isZero();
    long nextReport = start + REPORT_EVERY.toNanos();
    long lastCount = 0;
    long lastReportAt = measureStart;
    while (workers.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(50);
      long now = System.nanoTime();
      if (!warm && now >= measureStart) {
        warm = true;
        interval.reset();
        gcBefore = metrics.scrape();
        cpuBefore = cpuTimes(service, store);
        say("  warm-up done (%s), measuring for %s", seconds(options.warmup()), seconds(options.duration()));
        nextReport = measureStart + REPORT_EVERY.toNanos();
        lastReportAt = measureStart;
        lastCount = 0;
      }
      if (warm && now >= nextReport && now < measureEnd + REPORT_EVERY.toNanos()) {
        Histogram h = interval.getIntervalHistogram();
        long count = measured.get();
        double elapsed = (now - lastReportAt) / 1e9;
        say("  %5.1f s  %6.1f transitions/s  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms  errors %d",
            (now - measureStart) / 1e9, (count - lastCount) / elapsed, h.getValueAtPercentile(50) / 1000.0,
            h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, errorCount());
        lastCount = count;
        lastReportAt = now;
        nextReport += REPORT_EVERY.toNanos();
      }
    }
    long loadStopped = lastResponse.get();
    String loadAfter = loadAverage();
    long[] cpuAfter = cpuTimes(service, store);
    ServiceMetrics.Sample gcAfter = metrics.scrape();
    long expected = eventsBefore + eventsCaused.get();
    long backlogAtStop = expected - events.total();

    // ---- drain ----
    metrics.phase("drain");
    Duration drain = awaitDrain(events, metrics, expected, loadStopped, Duration.ofMinutes(2));
    long q2 = System.nanoTime();
    long left = retried("the outbox check", () -> cases.countDocuments(Filters.exists("outbox.0")));
    Duration check = since(q2);
    metrics.scrape();

    // ---- report ----
    double window = Math.max(1e-9, (Math.min(loadStopped, Long.MAX_VALUE) - measureStart) / 1e9);
    long count = all.getTotalCount();
    double throughput = count / window;
    double p50 = all.getValueAtPercentile(50) / 1000.0;
    double p95 = all.getValueAtPercentile(95) / 1000.0;
    double p99 = all.getValueAtPercentile(99) / 1000.0;
    double max = all.getMaxValue() / 1000.0;
    double drainSeconds = drain == null ? Double.NaN : drain.toMillis() / 1000.0;
    double peakHeapMiB = metrics.peakHeap() / (1024 * 1024);
    long errorTotal = errorCount();

    say("");
    say("==== case transitions: results ====");
    say("machine      %d cores shared by client (%d threads), store, service and RabbitMQ — figures are for that",
        Runtime.getRuntime().availableProcessors(), options.threads());
    say("machine load  load average %s before the load, %s at its end (1, 5, 15 min)", loadBefore, loadAfter);
    say("store        embedded H2 file backend, %d cases, %d enterprises; seeding %.0f cases/s (%s)",
        stored, options.enterprises(), seedRate, seconds(caseSeeding));
    say("throughput   %.1f transitions/s  (%d in %.2f s measured after %s warm-up)   goal ≥ %d  %s",
        throughput, count, window, seconds(options.warmup()), options.goalThroughput(),
        verdict(throughput >= options.goalThroughput()));
    say("latency      p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms   goal p99 ≤ %d ms  %s",
        p50, p95, p99, max, options.goalP99Millis(), verdict(p99 <= options.goalP99Millis()));
    for (Map.Entry<Step, Histogram> step : perStep.entrySet()) {
      Histogram h = step.getValue();
      if (h.getTotalCount() > 0) {
        say("  %-13s n %6d  p50 %6.1f ms  p99 %6.1f ms  max %7.1f ms", step.getKey().path, h.getTotalCount(),
            h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
      }
    }
    say("errors       %d non-2xx or failed requests%s", errorTotal, errorTotal == 0 ? "" : ": " + errors);
    errorSamples.forEach(sample -> say("  e.g. %s", sample));
    if (ranOutOfCases) {
      say("WARNING      ran out of seeded cases before the time was up: seed more (--cases) or measure shorter");
    }
    say("outbox       %d events caused by the load; %d not yet published when it stopped; drained %s   goal ≤ %d s  %s",
        eventsCaused.get(), backlogAtStop,
        drain == null ? "NOT within 2 min" : "in " + String.format(Locale.ROOT, "%.3f s", drainSeconds)
            + " after the last response",
        options.goalDrainSeconds(), verdict(drain != null && drainSeconds <= options.goalDrainSeconds()));
    say("             store check: %d case documents with a non-empty outbox (that query took %d ms)", left,
        check.toMillis());
    say("heap         service -Xmx%s: peak used %.0f MiB (seeding %.0f, load %.0f, drain %.0f; sampled 1/s),"
            + " peak old-gen live data after GC %.0f MiB (0: no old-gen collection ran)", options.heap(), peakHeapMiB,
        metrics.peakHeap("seeding") / 1048576, metrics.peakHeap("load") / 1048576,
        metrics.peakHeap("drain") / 1048576, metrics.peakLiveAfterGc() / 1048576);
    if (cpuBefore != null && count > 0) {
      say("cpu          per transition during the measured load: service %.2f ms, store %.2f ms, this client %.2f ms"
              + " (process CPU time / transitions; %.2f of %d cores busy with these three)",
          (cpuAfter[0] - cpuBefore[0]) / 1e6 / count, (cpuAfter[1] - cpuBefore[1]) / 1e6 / count,
          (cpuAfter[2] - cpuBefore[2]) / 1e6 / count,
          (cpuAfter[0] + cpuAfter[1] + cpuAfter[2] - cpuBefore[0] - cpuBefore[1] - cpuBefore[2]) / 1e9 / window,
          Runtime.getRuntime().availableProcessors());
    }
    if (gcBefore != null) {
      say("gc           during the measured load: %.0f pauses, %.0f ms in total",
          gcAfter.gcPauses() - gcBefore.gcPauses(), (gcAfter.gcPauseSeconds() - gcBefore.gcPauseSeconds()) * 1000);
    }
    say("logs         %s, %s", service.log(), work.resolve("store.log"));
    say("");
    result("case-transitions.throughput", ">=" + options.goalThroughput(), throughput, "transitions/s");
    result("case-transitions.p50", "-", p50, "ms");
    result("case-transitions.p99", "<=" + options.goalP99Millis(), p99, "ms");
    result("case-transitions.max", "-", max, "ms");
    result("case-transitions.errors", "<=0", errorTotal, "requests");
    result("case-transitions.outbox-drain", "<=" + options.goalDrainSeconds(), drainSeconds, "s");
    result("case-transitions.peak-heap", "-", peakHeapMiB, "MiB");
    result("case-transitions.seed-rate", "-", seedRate, "cases/s");
    return 0;
  }

  /** One client thread: takes the next seeded case through every step until the time is up. */
  private void work(ServiceApi api, String[] ids, String[] etags) {
    while (System.nanoTime() < measureEnd) {
      int i = nextCase.getAndIncrement();
      if (i >= ids.length) {
        ranOutOfCases = true;
        return;
      }
      if (ids[i] == null) {
        continue;
      }
      String etag = etags[i];
      for (Step step : Step.values()) {
        long begin = System.nanoTime();
        if (begin >= measureEnd) {
          return;
        }
        String now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MILLIS).toString();
        ServiceApi.Answer answer = api.post("/api/enforcement/cases/" + ids[i] + "/" + step.path,
            step.body.apply(now), etag, step.supervisor ? ServiceApi.Role.SUPERVISOR : ServiceApi.Role.OFFICER);
        long end = begin + answer.nanos();
        lastResponse.accumulateAndGet(end, Math::max);
        long micros = Math.max(1, answer.nanos() / 1000);
        if (begin >= measureStart) {
          all.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
          perStep.get(step).recordValue(Math.min(micros, MAX_LATENCY_MICROS));
          interval.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
          measured.incrementAndGet();
        }
        if (!answer.ok()) {
          errors.computeIfAbsent(step.path + " " + answer.status(), k -> new AtomicLong()).incrementAndGet();
          if (errorSamples.size() < 5) {
            errorSamples.add(step.path + " " + answer.status() + " " + abbreviate(answer.body()));
          }
          break; // the case is in an unknown state: go on with the next one
        }
        if (step.event()) {
          eventsCaused.incrementAndGet();
        }
        etag = answer.etag();
      }
    }
  }

  private interface Seeder {
    /** Creates item {@code i}; null when the service refused it. */
    String create(int i) throws Exception;
  }

  /** Creates {@code total} items with the seeding threads, printing progress every few seconds. */
  private void seed(String what, int total, Seeder seeder) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < options.seedThreads(); t++) {
      Thread thread = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          try {
            if (seeder.create(i) == null) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
            if (failures.size() < 3) {
              failures.add(e.toString());
            }
          }
          done.incrementAndGet();
        }
      }, "seed-" + t);
      thread.start();
      threads.add(thread);
    }
    Report.Progress progress = new Report.Progress("seeding " + what, total);
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        thread.join(200);
        progress.at(done.get());
      }
    }
    if (failed.get() > 0) {
      throw new IllegalStateException("seeding " + what + ": " + failed.get() + " of " + total + " refused " + failures);
    }
  }

  private static void awaitEvents(EventCounter events, String type, long count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (events.of(type) < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("only " + events.of(type) + " of " + count + " " + type
            + " events arrived within " + seconds(timeout));
      }
      Thread.sleep(100);
    }
  }

  /**
   * From the last response of the load until every event it caused has arrived on our queue and the
   * relay knows of no document with unpublished events; null if that did not happen in time.
   */
  private static Duration awaitDrain(EventCounter events, ServiceMetrics metrics, long expected, long from,
      Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (events.total() >= expected) {
        long arrived = events.lastArrival();
        if (metrics.scrape().pendingDocuments() == 0) {
          long now = System.nanoTime();
          // the relay's gauge is read after the last event arrived; the event arriving is the later bound
          long drained = Math.max(from, Math.min(now, Math.max(arrived, from)));
          return Duration.ofNanos(drained - from);
        }
      }
      Thread.sleep(10);
    }
    return null;
  }

  /** CPU time (user + system, ns) of the service, the store and this process, from /proc; 0 where unknown. */
  private static long[] cpuTimes(Child service, Child store) {
    return new long[] {cpuTime(service.pid()), cpuTime(store.pid()), cpuTime(ProcessHandle.current().pid())};
  }

  /**
   * A query of the store, tried up to three times: a long scan of the H2 backend while others write
   * can fail with "Chunk … not found" (h2database/h2database#4383), which is reported, not fatal.
   */
  private static long retried(String what, java.util.function.LongSupplier query) {
    for (int attempt = 1; ; attempt++) {
      try {
        return query.getAsLong();
      } catch (com.mongodb.MongoException e) {
        say("  STORE ERROR in %s (attempt %d of 3): %s", what, attempt, abbreviate(e.getMessage()));
        if (attempt == 3) {
          return -1;
        }
      }
    }
  }

  private long errorCount() {
    return errors.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** A valid unified social credit code (GB 32100) of Shenzhen for enterprise number {@code i}. */
  static String uscc(int i) {
    return Codes.uscc(REGION, 7_777_777L + i * 7919L);
  }
}
