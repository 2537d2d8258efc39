package cn.worksafety.bench;

import static cn.worksafety.bench.Report.loadAverage;
import static cn.worksafety.bench.Report.result;
import static cn.worksafety.bench.Report.say;
import static cn.worksafety.bench.Report.seconds;
import static cn.worksafety.bench.Report.since;
import static cn.worksafety.bench.Report.verdict;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public credit query under load, through the gateway and straight to credit-service in the
 * same run: lookups by code at full speed with wrk (the gateway's share of the direct throughput),
 * lookups at a fixed rate through the gateway (their p99), and name searches at a fixed rate (their
 * p99). Seeds the store first, then starts credit-service (which builds its name index from the
 * store) and the gateway. Run it with {@code bench/public-query} (see bench/README.md).
 */
public final class PublicQuery {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CREDIT_DB = "credit";
  private static final int LOOKUP_PATHS = 100_000;
  private static final int SEARCH_PATHS = 10_000;
  private static final int GOAL_LOOKUPS_PER_SECOND = 1_000;
  private static final double GOAL_LOOKUP_P99_MILLIS = 50;
  private static final double GOAL_GATEWAY_SHARE = 0.70;
  private static final double GOAL_SEARCH_P99_MILLIS = 100;
  private static final double STEADY = 0.05;
  private static final Duration WARM_UP_ROUND = Duration.ofSeconds(20);
  private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(10);

  private final PublicQueryOptions options;
  private final Path work;
  private final Stack stack;

  private PublicQuery(PublicQueryOptions options, Path work, Stack stack) {
    this.options = options;
    this.work = work;
    this.stack = stack;
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    PublicQueryOptions options;
    try {
      options = PublicQueryOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("public-query: " + e.getMessage() + "\n" + PublicQueryOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(PublicQueryOptions.USAGE);
      return;
    }
    Wrk.requireInstalled();
    Path work = Files.createTempDirectory("bench-public-query-");
    Stack stack = new Stack(options.root(), work);
    System.exit(stack.runThenStop(options.keep(), () -> new PublicQuery(options, work, stack).run()));
  }

  private int run() throws Exception {
    say("Public credit query — %d enterprises; lookups %d/s, name searches %d/s through the gateway",
        options.enterprises(), options.lookupRate(), options.searchRate());
    say("machine: %d cores shared by wrk, this client, the store, credit-service and the gateway; Java %s; load %s",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    say("work dir: %s", work);
    String secret = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(32));

    long t = System.nanoTime();
    stack.startStore(options.storeHeap(), options.storeCacheMb());
    try (MongoClient mongo = MongoClients.create(stack.storeUri())) {
      CreditFileSeed seed = new CreditFileSeed(Instant.now(), options.enterprises(), options.records());
      long records = seed.seed(mongo.getDatabase(CREDIT_DB).getCollection("credit_files"), options.seedThreads());
      say("seeded: %d credit files with %d records in %s", options.enterprises(), records, seconds(since(t)));
    }

    t = System.nanoTime();
    Stack.Service credit = stack.startService("credit-service", CREDIT_DB, options.heap(),
        options.serviceJavaOptions(), options.broker(), secret);
    say("credit-service: -Xmx%s, pid %d, ready in %s", options.heap(), credit.process().pid(), seconds(since(t)));
    Duration indexing = awaitNameIndex(credit.base());
    say("name index: %d names searchable %s after the service was ready", options.enterprises(), seconds(indexing));

    t = System.nanoTime();
    Stack.Service gateway = stack.startService("gateway", CREDIT_DB, options.gatewayHeap(),
        options.serviceJavaOptions(), options.broker(), secret, Map.of(
            "CREDIT_URI", credit.base().toString(),
            "ENFORCEMENT_URI", "http://127.0.0.1:9",
            // every request here comes from one address: the limit for anonymous clients is lifted
            "RATE_LIMIT_ANONYMOUS_BURST", "100000000", "RATE_LIMIT_ANONYMOUS_PER_SECOND", "100000000"));
    say("gateway: -Xmx%s, pid %d, ready in %s", options.gatewayHeap(), gateway.process().pid(), seconds(since(t)));

    List<String> lookups = lookupPaths();
    List<String> searches = searchPaths();
    Wrk wrk = new Wrk(work, lookups);
    OpenLoad load = new OpenLoad();

    warmUp(wrk, credit.base(), gateway.base());
    load.run(gateway.base(), () -> pick(searches), options.searchRate(), Duration.ofSeconds(10));

    say("full speed, %d connections, %s each, alternating: direct, gateway, direct, gateway …", options.connections(),
        seconds(options.duration()));
    List<Wrk.Outcome> direct = new ArrayList<>();
    List<Wrk.Outcome> through = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      direct.add(report("direct ", wrk.run(credit.base(), 2, options.connections(), options.duration())));
      through.add(report("gateway", wrk.run(gateway.base(), 2, options.connections(), options.duration())));
    }
    double directRate = rate(direct);
    double gatewayRate = rate(through);
    double share = gatewayRate / directRate;

    say("lookups at %d/s through the gateway for %s …", options.lookupRate(), seconds(options.duration()));
    OpenLoad.Outcome lookup = load.run(gateway.base(), () -> pick(lookups), options.lookupRate(), options.duration());
    say("name searches at %d/s through the gateway for %s …", options.searchRate(),
        seconds(options.duration().multipliedBy(2)));
    OpenLoad.Outcome search = load.run(gateway.base(), () -> pick(searches), options.searchRate(),
        options.duration().multipliedBy(2));

    boolean lookupsAllOk = lookup.ok() == lookup.due();
    boolean searchesAllOk = search.ok() == search.due();
    say("");
    say("==== public credit query: results ====");
    say("machine       %d cores shared by wrk, client, store, credit-service and gateway; load %s now",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    say("data          %d enterprises in the embedded H2 store; name index built in %s", options.enterprises(),
        seconds(indexing));
    say("full speed    direct %.0f/s, gateway %.0f/s (wrk, %d connections, 2 × %s each, errors %d / %d)",
        directRate, gatewayRate, options.connections(), seconds(options.duration()), errors(direct), errors(through));
    say("share         %.2f of the direct throughput through the gateway   goal ≥ %.2f  %s", share,
        GOAL_GATEWAY_SHARE, verdict(share >= GOAL_GATEWAY_SHARE));
    say("lookups       %d/s for %s through the gateway: p50 %.1f ms  p99 %.1f ms  max %.1f ms; %d of %d answered 200 %s"
            + "   goal ≥ %d/s with p99 ≤ %.0f ms  %s",
        options.lookupRate(), seconds(options.duration()), lookup.p(50), lookup.p(99),
        lookup.latencies().getMaxValue() / 1000.0, lookup.ok(), lookup.due(), outcomes(lookup),
        GOAL_LOOKUPS_PER_SECOND, GOAL_LOOKUP_P99_MILLIS, verdict(options.lookupRate() >= GOAL_LOOKUPS_PER_SECOND
            && lookupsAllOk && lookup.p(99) <= GOAL_LOOKUP_P99_MILLIS && gatewayRate >= GOAL_LOOKUPS_PER_SECOND));
    say("client        CPU of the fixed-rate client (Netty, one thread): %.0f µs a lookup, %.0f µs a search; of this"
            + " whole JVM (with its JIT and collector): %.0f µs, %.0f µs",
        lookup.loopCpuMicrosPerRequest(), search.loopCpuMicrosPerRequest(), lookup.processCpuMicrosPerRequest(),
        search.processCpuMicrosPerRequest());
    say("name search   %d/s for %s through the gateway: p50 %.1f ms  p99 %.1f ms  max %.1f ms; %d of %d answered 200 %s"
            + "   goal p99 ≤ %.0f ms  %s",
        options.searchRate(), seconds(options.duration().multipliedBy(2)), search.p(50), search.p(99),
        search.latencies().getMaxValue() / 1000.0, search.ok(), search.due(), outcomes(search),
        GOAL_SEARCH_P99_MILLIS, verdict(searchesAllOk && search.p(99) <= GOAL_SEARCH_P99_MILLIS));
    result("public-lookup-gateway-per-second", ">=" + GOAL_LOOKUPS_PER_SECOND, gatewayRate, "req/s");
    result("public-lookup-direct-per-second", "-", directRate, "req/s");
    result("public-lookup-gateway-share", ">=" + GOAL_GATEWAY_SHARE, share, "ratio");
    result("public-lookup-p99-at-rate", "<=" + (int) GOAL_LOOKUP_P99_MILLIS, lookup.p(99), "ms");
    result("public-name-search-p99", "<=" + (int) GOAL_SEARCH_P99_MILLIS, search.p(99), "ms");
    return 0; // the run completed; goals met or not is in the report
  }

  /**
   * On two cores shared with the load, the JIT compilers of both JVMs need minutes to finish the hot
   * paths (measured after a fixed minute, one gateway round came out 0.7 of the next); rounds run
   * until neither rate moves by more than {@link #STEADY} from one round to the next.
   */
  private void warmUp(Wrk wrk, URI direct, URI gateway) throws Exception {
    say("warm-up: 20 s rounds straight to credit-service and through the gateway until both rates hold steady "
        + "(within %.0f %%; at most %d minutes) …", STEADY * 100, WARM_UP_LIMIT.toMinutes());
    long deadline = System.nanoTime() + WARM_UP_LIMIT.toNanos();
    double lastDirect = 0;
    double lastGateway = 0;
    for (int round = 1; ; round++) {
      double directRate = wrk.run(direct, 2, options.connections(), WARM_UP_ROUND).perSecond();
      double gatewayRate = wrk.run(gateway, 2, options.connections(), WARM_UP_ROUND).perSecond();
      say("  round %d: direct %.0f/s, gateway %.0f/s", round, directRate, gatewayRate);
      if (steady(lastDirect, directRate) && steady(lastGateway, gatewayRate)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        say("  still moving after %d minutes: measuring anyway", WARM_UP_LIMIT.toMinutes());
        return;
      }
      lastDirect = directRate;
      lastGateway = gatewayRate;
    }
  }

  private static boolean steady(double before, double now) {
    return before > 0 && Math.abs(now - before) <= STEADY * before;
  }

  private static Wrk.Outcome report(String target, Wrk.Outcome outcome) {
    say("  %s %.0f/s  p50 %.1f ms  p99 %.1f ms  errors %d", target, outcome.perSecond(), outcome.p50Millis(),
        outcome.p99Millis(), outcome.errors());
    return outcome;
  }

  private static double rate(List<Wrk.Outcome> runs) {
    return runs.stream().mapToLong(Wrk.Outcome::requests).sum() / runs.stream().mapToDouble(Wrk.Outcome::seconds).sum();
  }

  private static long errors(List<Wrk.Outcome> runs) {
    return runs.stream().mapToLong(Wrk.Outcome::errors).sum();
  }

  private static String outcomes(OpenLoad.Outcome outcome) {
    Map<String, Long> other = new TreeMap<>();
    outcome.statuses().forEach((status, count) -> {
      if (status != 200) {
        other.put(String.valueOf(status), count);
      }
    });
    if (outcome.failures() > 0) {
      other.put("no answer", outcome.failures());
    }
    return other.isEmpty() ? "" : "(others: " + other + ")";
  }

  private static String pick(List<String> paths) {
    return paths.get(ThreadLocalRandom.current().nextInt(paths.size()));
  }

  private List<String> lookupPaths() {
    SplittableRandom random = new SplittableRandom(42);
    List<String> paths = new ArrayList<>(LOOKUP_PATHS);
    for (int k = 0; k < LOOKUP_PATHS; k++) {
      paths.add("/api/public/enterprises/" + CreditFileSeed.uscc(random.nextInt(options.enterprises())));
    }
    return paths;
  }

  private List<String> searchPaths() {
    SplittableRandom random = new SplittableRandom(7);
    List<String> paths = new ArrayList<>(SEARCH_PATHS);
    for (int k = 0; k < SEARCH_PATHS; k++) {
      int i = random.nextInt(options.enterprises());
      String q = EnterpriseNames.query(random, i, CreditFileSeed.region(i));
      paths.add("/api/public/enterprises?size=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }
    return paths;
  }

  /** Waits until a name search answers (503 while the index is built), showing the progress. */
  private static Duration awaitNameIndex(URI credit) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long start = System.nanoTime();
    String lastProgress = "";
    while (true) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
          credit.resolve("/api/public/enterprises/suggestions?q=" + URLEncoder.encode("安泰", StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() == 200) {
        return since(start);
      }
      if (answer.statusCode() != 503) {
        throw new IllegalStateException("suggestions answered " + answer.statusCode() + ": " + answer.body());
      }
      JsonNode progress = JSON.readTree(answer.body()).path("progress");
      String now = progress.path("percent").asString("?") + " %";
      if (!now.equals(lastProgress)) {
        say("  name index: %s (%s of %s)", now, progress.path("walked").asString("?"),
            progress.path("expected").asString("?"));
        lastProgress = now;
      }
      Thread.sleep(2_000);
    }
  }
}
