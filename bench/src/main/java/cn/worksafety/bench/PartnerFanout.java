package cn.worksafety.bench;

import static cn.worksafety.bench.Report.loadAverage;
import static cn.worksafety.bench.Report.result;
import static cn.worksafety.bench.Report.say;
import static cn.worksafety.bench.Report.seconds;
import static cn.worksafety.bench.Report.since;
import static cn.worksafety.bench.Report.verdict;

import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingRules;
import cn.worksafety.credit.blacklist.model.Proposal;
import cn.worksafety.credit.blacklist.model.Trigger;
import cn.worksafety.platform.mongo.JsonDocuments;
import cn.worksafety.platform.time.WorkingDayCalendar;
import com.mongodb.client.MongoClient;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings fanned out to partner queues: the delivered messages per second from a publication
 * through the API to every partner department's queue, against RabbitMQ's own PerfTest publishing
 * the same number of messages of the same size, persistent, confirmed and mandatory, through an
 * exchange to as many quorum queues, in the same run.
 *
 * <p>Starts the embedded store and credit-service, registers the partner departments through the
 * API (each gets its quorum queue and broker user from the management API, bound to
 * {@code credit.blacklist.entered}), seeds decided listings straight into the store with the
 * service's own model, then publishes them through the API from several clients while a consumer per
 * department, with that department's credentials, reads its queue. Run it with
 * {@code bench/partner-fanout} (see bench/README.md).
 */
public final class PartnerFanout {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CREDIT_DB = "credit";
  private static final String REGION = "440300";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final double GOAL_RATIO = 0.5;
  private static final int GOAL_P99_MILLIS = 1000;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern RATE = Pattern.compile("(sending|receiving) rate avg: ([0-9.]+) msg/s");

  private final FanoutOptions options;
  private final Path work;
  private final Stack stack;

  private PartnerFanout(FanoutOptions options, Path work, Stack stack) {
    this.options = options;
    this.work = work;
    this.stack = stack;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    FanoutOptions options;
    try {
      options = FanoutOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("partner-fanout: " + e.getMessage() + "\n" + FanoutOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(FanoutOptions.USAGE);
      return;
    }
    Path work = Files.createTempDirectory("bench-partner-fanout-");
    Stack stack = new Stack(options.root(), work);
    System.exit(stack.runThenStop(options.keep(), () -> new PartnerFanout(options, work, stack).run()));
  }

  private record Department(String code, String user, String password) {}

  private int run() throws Exception {
    int expected = (options.probes() + options.listings()) * options.partners();
    say("Partner fan-out — %d listings to %d partner queues (%d deliveries), %d publishing clients",
        options.listings(), options.partners(), expected, options.clients());
    say("machine: %d cores shared by this client, the store, the service and RabbitMQ; Java %s; load average %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    say("work dir: %s", work);
    String secret = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(32));
    long t = System.nanoTime();
    Child store = stack.startStore(options.storeHeap(), null);
    Stack.Service service = stack.startService("credit-service", CREDIT_DB, options.heap(),
        options.serviceJavaOptions(), options.broker(), secret);
    say("store and credit-service (-Xmx%s) ready in %s", options.heap(), seconds(since(t)));
    ServiceApi api = new ServiceApi(service.base(), secret, REGION);

    t = System.nanoTime();
    List<Department> departments = register(api);
    say("%d partner departments registered through the API (queue, dead-letter queue, user) in %s",
        departments.size(), seconds(since(t)));
    t = System.nanoTime();
    List<String> ids = seedDecidedListings(options.probes() + options.listings());
    say("%d decided listings seeded into the store in %s", ids.size(), seconds(since(t)));

    Map<String, Long> askedAt = new ConcurrentHashMap<>();
    Recorder latency = new Recorder(3);
    List<PartnerQueueReader> readers = new ArrayList<>();
    for (Department d : departments) {
      readers.add(new PartnerQueueReader(options.broker(), d.user(), d.password(), "partner." + d.code(),
          entry -> askedAt.getOrDefault(entry, 0L), latency));
    }

    try (Connection sink = ratingSink()) {
      say("latency: %d listings published at %.0f/s, one at a time …", options.probes(), options.probeRate());
      Phase probe = publish(api, ids.subList(0, options.probes()), 2, options.probeRate(), askedAt, readers,
          (long) options.probes() * options.partners(), store, service);
      Histogram lat = latency.getIntervalHistogram();
      say("throughput: %d listings published by %d clients at once …", options.listings(), options.clients());
      Phase burst = publish(api, ids.subList(options.probes(), ids.size()), options.clients(), 0, askedAt, readers,
          (long) expected, store, service);
      Histogram burstLat = latency.getIntervalHistogram();
      Thread.sleep(2_000); // late copies, if any, to count as duplicates
      for (PartnerQueueReader reader : readers) {
        reader.close();
      }
      report(readers, probe, lat, burst, burstLat, expected);
    }
    return 0;
  }

  /** What one phase of publications took: its deliveries, time, refusals and the processes' CPU. */
  private record Phase(long delivered, long nanos, long refused, Histogram calls, long[] cpu) {}

  private Phase publish(ServiceApi api, List<String> ids, int clientCount, double perSecond, Map<String, Long> askedAt,
      List<PartnerQueueReader> readers, long deliveredAtEnd, Child store, Stack.Service service)
      throws InterruptedException {
    Recorder calls = new Recorder(3);
    long[] pids = {store.pid(), service.process().pid(), brokerPid(), ProcessHandle.current().pid()};
    long[] cpuBefore = cpu(pids);
    long deliveredBefore = readers.stream().mapToLong(PartnerQueueReader::distinct).sum();
    long start = System.nanoTime();
    AtomicInteger next = new AtomicInteger();
    AtomicLong refused = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(clientCount);
    for (int c = 0; c < clientCount; c++) {
      clients.submit(() -> {
        for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
          if (perSecond > 0) {
            long due = start + (long) (i * 1e9 / perSecond);
            LockSupport.parkNanos(due - System.nanoTime());
          }
          String id = ids.get(i);
          askedAt.put(id, System.nanoTime());
          ServiceApi.Answer answer = api.post("/api/credit/blacklist/proposals/" + id + "/publication", "{}", null,
              ServiceApi.Role.OFFICER);
          calls.recordValue(answer.nanos() / 1_000);
          if (!answer.ok() && refused.incrementAndGet() <= 3) {
            say("  publication of %s: %d %s", id, answer.status(), Report.abbreviate(answer.body()));
          }
        }
      });
    }
    clients.shutdown();
    Report.Progress progress = new Report.Progress("deliveries", deliveredAtEnd - deliveredBefore);
    long deadline = Long.MAX_VALUE;
    long lastTotal = -1;
    while (true) {
      long total = readers.stream().mapToLong(PartnerQueueReader::distinct).sum();
      progress.at(total - deliveredBefore);
      if (total >= deliveredAtEnd) {
        break;
      }
      if (clients.isTerminated()) {
        if (total != lastTotal) {
          deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
          lastTotal = total;
        } else if (System.nanoTime() > deadline) {
          say("  no delivery for %s: giving up waiting", seconds(DRAIN_TIMEOUT));
          break;
        }
      }
      Thread.sleep(50);
    }
    clients.awaitTermination(1, TimeUnit.MINUTES);
    long took = readers.stream().mapToLong(PartnerQueueReader::lastArrival).max().orElse(start) - start;
    long[] cpu = cpu(pids);
    for (int i = 0; i < cpu.length; i++) {
      cpu[i] -= cpuBefore[i];
    }
    long delivered = readers.stream().mapToLong(PartnerQueueReader::distinct).sum() - deliveredBefore;
    return new Phase(delivered, took, refused.get(), calls.getIntervalHistogram(), cpu);
  }

  private static long[] cpu(long[] pids) {
    long[] cpu = new long[pids.length];
    for (int i = 0; i < pids.length; i++) {
      cpu[i] = pids[i] == 0 ? 0 : Report.cpuTime(pids[i]);
    }
    return cpu;
  }

  /**
   * A queue of the benchmark's own for {@code credit.rating.changed}: a listing also changes the
   * enterprise's rating, and in a real deployment some department takes those; with nobody bound the
   * relay would hold them back and try again and again.
   */
  private Connection ratingSink() throws IOException, java.util.concurrent.TimeoutException {
    Connection connection = options.broker().connect("bench-rating-sink");
    Channel channel = connection.createChannel();
    String queue = channel.queueDeclare("", false, true, true, null).getQueue();
    channel.queueBind(queue, "credit.events", "credit.rating.#");
    channel.basicConsume(queue, true, (tag, delivery) -> { }, tag -> { });
    return connection;
  }

  private void report(List<PartnerQueueReader> readers, Phase probe, Histogram lat, Phase burst, Histogram burstLat,
      int expected) throws IOException, InterruptedException {
    long distinct = readers.stream().mapToLong(PartnerQueueReader::distinct).sum();
    long deliveries = readers.stream().mapToLong(PartnerQueueReader::deliveries).sum();
    long unexplained = readers.stream().mapToLong(PartnerQueueReader::unexplainedDuplicates).sum();
    int messageSize = (int) (readers.stream().mapToLong(PartnerQueueReader::bytes).sum() / Math.max(1, deliveries));
    double rate = burst.delivered() / (burst.nanos() / 1e9);

    say("");
    say("PerfTest, same run: 1 producer, %d messages of %d bytes, persistent, mandatory, confirmed (256 in flight), "
        + "a fanout exchange to %d quorum queues, a consumer each …", options.listings(), messageSize, options.partners());
    Map<String, Double> perfTest = perfTest(messageSize);
    double perfRate = perfTest.getOrDefault("receiving", Double.NaN);
    double ratio = rate / perfRate;

    say("");
    say("== results ==");
    say("publications refused: %d", probe.refused() + burst.refused());
    say("deliveries: %d distinct of %d expected (lost %d); %d copies beyond those, %d of them another event "
        + "under the same id", distinct, expected, expected - distinct, deliveries - distinct, unexplained);
    say("delivered: %.0f messages/s (%d in %s from the first publication asked for to the last arrival, "
        + "%d clients at once)", rate, burst.delivered(), seconds(Duration.ofNanos(burst.nanos())), options.clients());
    say("PerfTest: %.0f messages/s received (%.0f/s sent)", perfRate, perfTest.getOrDefault("sending", Double.NaN));
    say("ratio: %.2f of PerfTest's rate (goal ≥ %.1f): %s", ratio, GOAL_RATIO, verdict(ratio >= GOAL_RATIO));
    phase("at %.0f/s".formatted(options.probeRate()), probe, options.probes());
    phase("at once", burst, options.listings());
    say("publication asked → partner queue at %.0f/s: p50 %.1f ms, p99 %.1f ms (goal ≤ %d ms): %s, max %.1f ms",
        options.probeRate(), lat.getValueAtPercentile(50) / 1000.0, lat.getValueAtPercentile(99) / 1000.0,
        GOAL_P99_MILLIS, verdict(lat.getValueAtPercentile(99) / 1000.0 <= GOAL_P99_MILLIS), lat.getMaxValue() / 1000.0);
    say("  (all at once, the queue of publications waiting grows: p50 %.1f ms, p99 %.1f ms)",
        burstLat.getValueAtPercentile(50) / 1000.0, burstLat.getValueAtPercentile(99) / 1000.0);
    result("fanout_delivered_per_s", "-", rate, "msg/s");
    result("fanout_perftest_per_s", "-", perfRate, "msg/s");
    result("fanout_ratio", ">=" + GOAL_RATIO, ratio, "x");
    result("fanout_p99_ms", "<=" + GOAL_P99_MILLIS, lat.getValueAtPercentile(99) / 1000.0, "ms");
    result("fanout_lost", "0", expected - distinct, "messages");
    result("fanout_unexplained_duplicates", "0", unexplained, "messages");
    if (probe.refused() + burst.refused() > 0) {
      throw new IllegalStateException((probe.refused() + burst.refused()) + " publications were refused");
    }
  }

  private static void phase(String name, Phase p, int listings) {
    say("publications %s: %.0f/s; the call p50 %.1f ms, p99 %.1f ms; CPU store %.1f s, credit-service %.1f s, "
        + "RabbitMQ %.1f s, this client %.1f s in %.1f s", name, listings / (p.nanos() / 1e9),
        p.calls().getValueAtPercentile(50) / 1000.0, p.calls().getValueAtPercentile(99) / 1000.0, p.cpu()[0] / 1e9,
        p.cpu()[1] / 1e9, p.cpu()[2] / 1e9, p.cpu()[3] / 1e9, p.nanos() / 1e9);
  }

  private List<Department> register(ServiceApi api) {
    List<Department> departments = new ArrayList<>();
    for (int i = 1; i <= options.partners(); i++) {
      String code = String.format(Locale.ROOT, "bench-%02d", i);
      ServiceApi.Answer answer = api.post("/api/credit/partners", """
          {"code": "%s", "name": "部门 %d", "measures": [], "eventTypes": ["credit.blacklist.entered"]}"""
          .formatted(code, i), null, ServiceApi.Role.CREDIT_ADMIN);
      if (answer.status() != 201) {
        throw new IllegalStateException("registering " + code + ": " + answer.status() + " " + answer.body());
      }
      JsonNode credentials = JSON.readTree(answer.body()).get("credentials");
      departments.add(new Department(code, credentials.get("username").asString(),
          credentials.get("password").asString()));
    }
    return departments;
  }

  /** Listings in the state a supervisor's decision leaves them, made with the service's own model. */
  private List<String> seedDecidedListings(int count) throws IOException {
    ListingRules rules = new ListingRules(5, 20, 3, 12, 3, calendar(), ZONE);
    Instant now = Instant.now();
    List<String> ids = new ArrayList<>();
    try (MongoClient client = MongoClients.create(stack.storeUri())) {
      MongoCollection<Document> blacklist = client.getDatabase(CREDIT_DB).getCollection("blacklist");
      List<Document> batch = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String id = String.format(Locale.ROOT, "BL-BENCH-%06d", i);
        String uscc = Codes.uscc(REGION, i);
        Listing decided = Listing.propose(id, uscc, "深圳市基准测试化工有限公司" + i, REGION,
                List.of(new ListedPerson("张某", ListedPerson.PRINCIPAL, "110***********7777")),
                new Proposal(Trigger.UNLICENSED_OPERATION, "case-bench-" + i, now.minus(Duration.ofDays(40)),
                    "未取得安全生产许可证擅自进行生产", "《安全生产严重失信主体名单管理办法》第七条第六项",
                    now.minus(Duration.ofDays(35)), "bench", true))
            .notifyParty(now.minus(Duration.ofDays(30)), List.of(), "bench-officer", now, rules)
            .decide(true, "事实清楚，符合列入条件", null, "深圳市应急管理局", now.minus(Duration.ofDays(5)),
                "bench-supervisor", now, rules);
        batch.add(JsonDocuments.toDocument(JSON, decided, id).append("outbox", List.of()));
        ids.add(id);
        if (batch.size() == 1000) {
          blacklist.insertMany(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        blacklist.insertMany(batch);
      }
    }
    return ids;
  }

  private static WorkingDayCalendar calendar() throws IOException {
    try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream("calendar/cn-working-days.csv")) {
      if (in == null) {
        throw new IllegalStateException("calendar/cn-working-days.csv is not on the class path");
      }
      return WorkingDayCalendar.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    }
  }

  /** The RabbitMQ node's process (beam.smp) on this machine, for its CPU time; 0 when not found here. */
  private static long brokerPid() {
    return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("beam.smp")).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(0);
  }

  /** PerfTest in a process of its own; its average sending and receiving rates. */
  private Map<String, Double> perfTest(int messageSize) throws IOException, InterruptedException {
    Stack.Broker broker = options.broker();
    String uri = "amqp://" + broker.user() + ":" + broker.password() + "@" + broker.host() + ":" + broker.port() + "/"
        + URLEncoder.encode(broker.vhost(), StandardCharsets.UTF_8);
    Path lib = options.root().resolve("bench/target/perf-test");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException("missing " + lib + " (build first: mvn -B -DskipTests package)");
    }
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", lib + "/*", "com.rabbitmq.perf.PerfTest", "--uri", uri, "--exchange", "bench.perftest",
        "--type", "fanout", "--queue-pattern", "bench.perftest-%d", "--queue-pattern-from", "1",
        "--queue-pattern-to", String.valueOf(options.partners()), "--producers", "1",
        "--consumers", String.valueOf(options.partners()), "--pmessages", String.valueOf(options.listings()),
        "--cmessages", String.valueOf(options.listings()), "--size", String.valueOf(messageSize),
        "--flag", "persistent", "--flag", "mandatory", "--confirm", "256", "--quorum-queue",
        "--auto-delete", "false", "--interval", "5");
    Path log = work.resolve("perftest.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("PerfTest did not finish within 15 minutes; see " + log);
    }
    String output = Files.readString(log);
    Map<String, Double> rates = new ConcurrentHashMap<>();
    Matcher m = RATE.matcher(output);
    while (m.find()) {
      rates.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    if (rates.size() < 2) {
      throw new IllegalStateException("PerfTest printed no average rates (exit " + process.exitValue() + "); see "
          + log + ":\n" + Report.abbreviate(output.substring(Math.max(0, output.length() - 2000))));
    }
    return rates;
  }
}
