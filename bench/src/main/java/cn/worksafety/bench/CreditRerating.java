package cn.worksafety.bench;

import static cn.worksafety.bench.Report.cpuTime;
import static cn.worksafety.bench.Report.loadAverage;
import static cn.worksafety.bench.Report.result;
import static cn.worksafety.bench.Report.say;
import static cn.worksafety.bench.Report.seconds;
import static cn.worksafety.bench.Report.since;
import static cn.worksafety.bench.Report.verdict;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.creditfile.infrastructure.UsccOrderWalk;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full re-rating of every enterprise by credit-service, against the time it takes only to read the
 * same files through the driver, and the re-rating of one enterprise after an event.
 *
 * <p>Starts the embedded store (H2 file backend, its own process) and the packaged credit-service
 * (its own process, {@code -Xmx1g}), seeds credit files straight into the store with the service's
 * own model and mapping, then: reads every file through the driver with the walk the re-rating
 * uses ({@code UsccOrderWalk}; the baseline); activates a scorecard version, which re-rates every
 * file, and watches the run through the API until it succeeds; waits for the outbox to drain; and
 * times single re-ratings from an {@code enforcement.case.decided} to its {@code
 * credit.rating.changed}. Run it with {@code bench/credit-rerating} (see bench/README.md).
 */
public final class CreditRerating {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CREDIT_DB = "credit";
  private static final Duration WATCH_EVERY = Duration.ofSeconds(5);
  /** Files per batch, as credit-service reads them in a run (app.scorecards.runs.batch-size). */
  private static final int READ_BATCH = 1000;
  private static final int GOAL_RERATING_SECONDS = 300;
  private static final double GOAL_RATIO = 2.0;
  private static final int GOAL_SINGLE_P99_MILLIS = 20;
  private static final int GOAL_HEAP_MIB = 1024;
  /**
   * The version activated: the rules in force (credit-service's v1) under a new name, so the run
   * re-rates every file and writes the ones a day of ageing changed, as the daily re-rating does;
   * with --every-score-changes the base and the thresholds move by 10, so every file is written.
   */
  private static final String SCORECARD_V2 = """
      {"version": "v2", "base": %d,
       "deductions": {
         "ADMINISTRATIVE_PENALTY": {"MINOR": -5, "GENERAL": -15, "SERIOUS": -30},
         "ACCIDENT": {"MINOR": -10, "GENERAL": -20, "SERIOUS": -40},
         "ACCIDENT_CONCEALED": {"MINOR": -40, "GENERAL": -40, "SERIOUS": -40},
         "MAJOR_HAZARD_OVERDUE": {"MINOR": -10, "GENERAL": -10, "SERIOUS": -20},
         "LICENCE_SUSPENDED": {"MINOR": -15, "GENERAL": -15, "SERIOUS": -15},
         "LICENCE_REVOKED": {"MINOR": -30, "GENERAL": -30, "SERIOUS": -30},
         "LICENCE_MISSING": {"MINOR": -30, "GENERAL": -30, "SERIOUS": -30}},
       "standardizationBonus": {"LEVEL_1": 10, "LEVEL_2": 5, "LEVEL_3": 2},
       "ageing": [{"olderThanMonths": 12, "percent": 50}, {"olderThanMonths": 24, "percent": 25}],
       "thresholds": {"a": %d, "b": %d, "c": %d}}""";

  private final ReratingOptions options;
  private final Path work;
  private final Stack stack;

  private CreditRerating(ReratingOptions options, Path work, Stack stack) {
    this.options = options;
    this.work = work;
    this.stack = stack;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    ReratingOptions options;
    try {
      options = ReratingOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("credit-rerating: " + e.getMessage() + "\n" + ReratingOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(ReratingOptions.USAGE);
      return;
    }
    Path work = Files.createTempDirectory("bench-credit-rerating-");
    Stack stack = new Stack(options.root(), work);
    System.exit(stack.runThenStop(options.keep(), () -> new CreditRerating(options, work, stack).run()));
  }

  private int run() throws Exception {
    say("Credit re-rating — %d enterprises, about %d records each, %d single re-ratings", options.enterprises(),
        options.recordsPerEnterprise(), options.probes());
    say("machine: %d cores shared by this client, the store, the service and RabbitMQ; Java %s; load average %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    say("work dir: %s", work);
    String secret = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(32));

    long t = System.nanoTime();
    Child store = stack.startStore(options.storeHeap(), options.storeCacheMb());
    say("store: embedded mongo-java-server, H2 file backend, -Xmx%s, %d MB page cache, pid %d, ready in %s",
        options.storeHeap(), options.storeCacheMb(), store.pid(), seconds(since(t)));
    t = System.nanoTime();
    Stack.Service service = stack.startService("credit-service", CREDIT_DB, options.heap(),
        options.serviceJavaOptions(), options.broker(), secret);
    say("service: credit-service -Xmx%s, pid %d, %s, ready in %s", options.heap(), service.process().pid(),
        service.base(), seconds(since(t)));

    ServiceApi api = new ServiceApi(service.base(), secret, "440000");
    try (ServiceMetrics metrics = new ServiceMetrics(api);
        MongoClient mongo = MongoClients.create(stack.storeUri());
        EventCounter events = new EventCounter(options.broker(), Exchanges.CREDIT);
        RatingLatencyProbe probe = new RatingLatencyProbe(options.broker())) {
      MongoCollection<Document> files = mongo.getDatabase(CREDIT_DB).getCollection("credit_files");
      Phases phases = new Phases(service.process(), store);

      // ---- seeding ----
      metrics.phase("seeding");
      t = System.nanoTime();
      CreditFileSeed seed = new CreditFileSeed(Instant.now(), options.enterprises(), options.recordsPerEnterprise());
      long seededRecords = seed.seed(files, options.seedThreads());
      Duration seeding = since(t);
      say("seeded: %d credit files with %d records in %s (%.0f files/s)", options.enterprises(), seededRecords,
          seconds(seeding), options.enterprises() / Math.max(0.001, seeding.toMillis() / 1000.0));

      // ---- the baseline: the same walk, only reading ----
      metrics.phase("read");
      phases.begin();
      t = System.nanoTime();
      long[] read = readAll(files);
      Duration reading = since(t);
      Phases.Cpu readCpu = phases.end(reading);
      say("read-only: %d files with %d records read through the driver in %s (%s)", read[0], read[1],
          seconds(reading), readCpu);

      // ---- the full re-rating ----
      metrics.phase("re-rating");
      long eventsBefore = events.total();
      phases.begin();
      t = System.nanoTime();
      JsonNode finished = activateAndWatch(api);
      Duration rerating = since(t);
      Phases.Cpu rerateCpu = phases.end(rerating);
      Duration runTime = Duration.between(OffsetDateTime.parse(finished.path("startedAt").asString()),
          OffsetDateTime.parse(finished.path("finishedAt").asString()));
      long changed = finished.path("changed").asLong();
      say("re-rating: %s, %d files, %d changed; %s from the request to SUCCEEDED, %s from start to finish (%s)",
          finished.path("state").asString(), finished.path("processed").asLong(), changed, seconds(rerating),
          seconds(runTime), rerateCpu);

      // ---- the outbox drains ----
      metrics.phase("drain");
      t = System.nanoTime();
      Duration drain = awaitDrain(metrics, events, eventsBefore + changed, Duration.ofMinutes(30));
      say("outbox: %d rating changes published, %s", events.total() - eventsBefore,
          drain == null ? "NOT drained within 30 min" : "drained " + seconds(drain) + " after the run finished");

      // ---- one enterprise at a time ----
      metrics.phase("single");
      Histogram single = probeSingles(files, probe);
      double handlingP50 = metrics.valueOf("credit_inbox_handling_seconds{quantile=\"0.5\"") * 1000;
      double handlingP99 = metrics.valueOf("credit_inbox_handling_seconds{quantile=\"0.99\"") * 1000;

      // ---- report ----
      double readSeconds = reading.toMillis() / 1000.0;
      double rerateSeconds = runTime.toMillis() / 1000.0;
      double ratio = rerateSeconds / readSeconds;
      double p99 = single.getTotalCount() == 0 ? Double.NaN : single.getValueAtPercentile(99) / 1000.0;
      double peakMiB = metrics.peakHeap() / 1048576;
      say("");
      say("==== credit re-rating: results ====");
      say("machine      %d cores shared by client, store, service and RabbitMQ; load average %s now",
          Runtime.getRuntime().availableProcessors(), loadAverage());
      say("store        %d credit files, %d records, embedded H2 file backend; seeded in %s", read[0], read[1],
          seconds(seeding));
      say("read only    %.1f s  (the re-rating's query through the driver, every document decoded)", readSeconds);
      say("re-rating    %.1f s  (run start to finish; %d files, %d changed and announced)   goal ≤ %d s  %s",
          rerateSeconds, finished.path("processed").asLong(), changed, GOAL_RERATING_SECONDS,
          verdict(rerateSeconds <= GOAL_RERATING_SECONDS));
      say("ratio        %.2f × the read-only time   goal ≤ %.0f ×  %s", ratio, GOAL_RATIO, verdict(ratio <= GOAL_RATIO));
      say("cpu          read-only: %s; re-rating: %s", readCpu, rerateCpu);
      say("outbox       %s", drain == null ? "not drained within 30 min" : "drained " + seconds(drain)
          + " after the run (" + (events.total() - eventsBefore) + " events)");
      say("single       n %d  p50 %.1f ms  p99 %.1f ms  max %.1f ms   goal p99 ≤ %d ms  %s", single.getTotalCount(),
          single.getValueAtPercentile(50) / 1000.0, p99, single.getMaxValue() / 1000.0, GOAL_SINGLE_P99_MILLIS,
          verdict(p99 <= GOAL_SINGLE_P99_MILLIS));
      say("             (from publishing the decision to the rating change arriving: the inbox, the re-rating and"
          + " its write, and the relay publishing it; the service's own part, event read to effects stored,"
          + " p50 %.1f ms, p99 %.1f ms)", handlingP50, handlingP99);
      say("heap         credit-service -Xmx%s: peak used %.0f MiB (seeding %.0f, read %.0f, re-rating %.0f, drain %.0f,"
              + " single %.0f; sampled 1/s)   goal ≤ %d MiB  %s", options.heap(), peakMiB,
          metrics.peakHeap("seeding") / 1048576, metrics.peakHeap("read") / 1048576,
          metrics.peakHeap("re-rating") / 1048576, metrics.peakHeap("drain") / 1048576,
          metrics.peakHeap("single") / 1048576, GOAL_HEAP_MIB, verdict(peakMiB <= GOAL_HEAP_MIB));
      say("logs         %s, %s", service.process().log(), work.resolve("store.log"));
      say("");
      result("credit-rerating.read-only", "-", readSeconds, "s");
      result("credit-rerating.full", "<=" + GOAL_RERATING_SECONDS, rerateSeconds, "s");
      result("credit-rerating.ratio", "<=" + GOAL_RATIO, ratio, "x");
      result("credit-rerating.single-p99", "<=" + GOAL_SINGLE_P99_MILLIS, p99, "ms");
      result("credit-rerating.single-handling-p99", "-", handlingP99, "ms");
      result("credit-rerating.peak-heap", "<=" + GOAL_HEAP_MIB, peakMiB, "MiB");
      result("credit-rerating.outbox-drain", "-", drain == null ? Double.NaN : drain.toMillis() / 1000.0, "s");
      return 0;
    }
  }

  /** Every file through the driver in USCC order, as the re-rating reads them: files and records read. */
  private long[] readAll(MongoCollection<Document> files) {
    long total = files.estimatedDocumentCount();
    Report.Progress progress = new Report.Progress("reading", total);
    long count = 0;
    long records = 0;
    try (Stream<Document> walk = UsccOrderWalk.after(files, null, READ_BATCH)) {
      for (Iterator<Document> next = walk.iterator(); next.hasNext(); ) {
        Document file = next.next();
        records += file.getList("records", Document.class, List.of()).size();
        if (++count % 1000 == 0) {
          progress.at(count);
        }
      }
    }
    return new long[] {count, records};
  }

  /** Drafts and activates v2, printing the run's progress from the API; the finished run. */
  private JsonNode activateAndWatch(ServiceApi api) throws Exception {
    int shift = options.everyScoreChanges() ? 10 : 0;
    String v2 = SCORECARD_V2.formatted(100 + shift, 90 + shift, 75 + shift, 60 + shift);
    ServiceApi.Answer drafted = api.post("/api/credit/scorecards", v2, null, ServiceApi.Role.CREDIT_ADMIN);
    if (!drafted.ok()) {
      throw new IllegalStateException("drafting v2: " + drafted.status() + " " + drafted.body());
    }
    ServiceApi.Answer queued = api.post("/api/credit/scorecards/v2/activation", "{}", null,
        ServiceApi.Role.CREDIT_ADMIN);
    if (queued.status() != 202) {
      throw new IllegalStateException("activating v2: " + queued.status() + " " + queued.body());
    }
    String runId = JSON.readTree(queued.body()).path("id").asString();
    say("re-rating: activating v2 (%s), run %s; watching GET /api/credit/scorecards/runs/%s",
        shift == 0 ? "v1's rules: what a day of ageing changes is written" : "every score moves: every file is written",
        runId, runId);
    long nextReport = System.nanoTime() + WATCH_EVERY.toNanos();
    long lastProcessed = 0;
    long lastAt = System.nanoTime();
    while (true) {
      Thread.sleep(250);
      ServiceApi.Answer answer = api.get("/api/credit/scorecards/runs/" + runId, ServiceApi.Role.CREDIT_ADMIN);
      if (!answer.ok()) {
        continue; // busy service: the next poll will tell
      }
      JsonNode run = JSON.readTree(answer.body());
      String state = run.path("state").asString();
      if (state.equals("SUCCEEDED")) {
        return run;
      }
      if (state.equals("FAILED")) {
        throw new IllegalStateException("the re-rating failed: " + run.path("failure").asString());
      }
      long now = System.nanoTime();
      if (now >= nextReport) {
        long processed = run.path("processed").asLong();
        say("  %s %d/%d (%d %%), %d changed, %.0f files/s now%s", state, processed, run.path("total").asLong(),
            run.path("percent").asInt(), run.path("changed").asLong(),
            (processed - lastProcessed) / ((now - lastAt) / 1e9),
            run.path("failure").isMissingNode() || run.path("failure").isNull() ? ""
                : ", retrying after: " + run.path("failure").asString());
        lastProcessed = processed;
        lastAt = now;
        nextReport = now + WATCH_EVERY.toNanos();
      }
    }
  }

  /** Until every rating change is on our queue and the relay knows of nothing unpublished; null on timeout. */
  private static Duration awaitDrain(ServiceMetrics metrics, EventCounter events, long expected, Duration timeout)
      throws Exception {
    long start = System.nanoTime();
    Report.Progress progress = new Report.Progress("publishing rating changes", expected);
    while (System.nanoTime() - start < timeout.toNanos()) {
      progress.at(events.total());
      if (events.total() >= expected && metrics.scrape().pendingDocuments() == 0) {
        return since(start);
      }
      Thread.sleep(100);
    }
    return null;
  }

  /**
   * Times single re-ratings one after another, each for a different enterprise whose score is high
   * enough for a serious fine to lower it (so each one is announced).
   */
  private Histogram probeSingles(MongoCollection<Document> files, RatingLatencyProbe probe) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    Set<Integer> used = new HashSet<>();
    int missing = 0;
    Report.Progress progress = new Report.Progress("single re-ratings", options.probes());
    for (int n = 0; n < options.probes(); ) {
      int i = random.nextInt(options.enterprises());
      if (!used.add(i)) {
        continue;
      }
      String uscc = CreditFileSeed.uscc(i);
      Document file = files.find(Filters.eq("_id", uscc)).projection(Projections.include("rating.score")).first();
      if (file == null || file.get("rating", Document.class).getInteger("score", 0) < 30) {
        continue;
      }
      if (!probe.decideAndAwait(uscc, CreditFileSeed.region(i), Duration.ofSeconds(30))) {
        missing++;
      }
      progress.at(++n);
    }
    if (missing > 0) {
      say("  WARNING: %d of %d decisions brought no rating change within 30 s", missing, options.probes());
    }
    return probe.latencies();
  }

  /** CPU used by the service and the store over a phase. */
  private static final class Phases {
    private final Child service;
    private final Child store;
    private long serviceBefore;
    private long storeBefore;
    private long selfBefore;

    Phases(Child service, Child store) {
      this.service = service;
      this.store = store;
    }

    record Cpu(double service, double store, double client, double seconds) {
      @Override
      public String toString() {
        return String.format(java.util.Locale.ROOT, "CPU s: service %.1f, store %.1f, client %.1f — %.2f cores busy",
            service, store, client, (service + store + client) / Math.max(0.001, seconds));
      }
    }

    void begin() {
      serviceBefore = cpuTime(service.pid());
      storeBefore = cpuTime(store.pid());
      selfBefore = cpuTime(ProcessHandle.current().pid());
    }

    Cpu end(Duration took) {
      return new Cpu((cpuTime(service.pid()) - serviceBefore) / 1e9, (cpuTime(store.pid()) - storeBefore) / 1e9,
          (cpuTime(ProcessHandle.current().pid()) - selfBefore) / 1e9, took.toMillis() / 1000.0);
    }
  }
}
