package cn.worksafety.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The command line of {@link PublicQuery}; the broker comes from the RABBITMQ_* environment. */
record PublicQueryOptions(
    int enterprises,
    int records,
    int seedThreads,
    int lookupRate,
    int searchRate,
    Duration duration,
    int connections,
    String heap,
    String gatewayHeap,
    String storeHeap,
    int storeCacheMb,
    List<String> serviceJavaOptions,
    Path root,
    boolean keep,
    Stack.Broker broker) {

  static final String USAGE = """
      usage: public-query [--enterprises 1000000] [--records 2] [--seed-threads 2] [--lookup-rate 1000]
                          [--search-rate 100] [--duration 30s] [--connections 32] [--heap 1g]
                          [--gateway-heap 512m] [--store-heap 8g] [--store-cache-mb 2048] [--root .] [--keep]
        --enterprises   credit files seeded straight into the store before credit-service starts (it
                        builds its name index from the store at start)
        --records       average credit records per enterprise (0 to twice as many each)
        --seed-threads  threads building and inserting files while seeding
        --lookup-rate   lookups by code per second through the gateway, at a fixed rate (open loop)
        --search-rate   name searches per second through the gateway, at a fixed rate (open loop)
        --duration      each measured phase (the name searches run twice as long)
        --connections   wrk's connections for the full-speed comparison of gateway and direct
        --heap          -Xmx of credit-service; --gateway-heap of the gateway; --store-heap of the store
        --store-cache-mb  the store's page cache
        --root          the repository root (deploy/target/local-stack.jar and deploy/target/apps are used)
        --keep          keep the store file and logs (otherwise deleted after a successful run)
      environment: RABBITMQ_HOST (localhost), RABBITMQ_PORT (5672), RABBITMQ_USERNAME/PASSWORD (guest),
                   RABBITMQ_VHOST (/); SERVICE_JAVA_OPTS: more JVM options for the services""";

  /** The options, or null when only the usage was asked for. */
  static PublicQueryOptions parse(String[] args, Map<String, String> env) {
    int enterprises = 1_000_000;
    int records = 2;
    int seedThreads = 2;
    int lookupRate = 1_000;
    int searchRate = 100;
    Duration duration = Duration.ofSeconds(30);
    int connections = 32;
    String heap = "1g";
    String gatewayHeap = "512m";
    String storeHeap = "8g";
    int storeCacheMb = 2048;
    Path root = Path.of("").toAbsolutePath();
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--enterprises" -> enterprises = Options.positive(arg, Options.value(args, ++i, arg));
        case "--records" -> records = Options.positive(arg, Options.value(args, ++i, arg));
        case "--seed-threads" -> seedThreads = Options.positive(arg, Options.value(args, ++i, arg));
        case "--lookup-rate" -> lookupRate = Options.positive(arg, Options.value(args, ++i, arg));
        case "--search-rate" -> searchRate = Options.positive(arg, Options.value(args, ++i, arg));
        case "--duration" -> duration = Options.duration(arg, Options.value(args, ++i, arg));
        case "--connections" -> connections = Options.positive(arg, Options.value(args, ++i, arg));
        case "--heap" -> heap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--gateway-heap" -> gatewayHeap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--store-heap" -> storeHeap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--store-cache-mb" -> storeCacheMb = Options.positive(arg, Options.value(args, ++i, arg));
        case "--root" -> root = Path.of(Options.value(args, ++i, arg)).toAbsolutePath().normalize();
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    if (duration.toSeconds() < 1) {
      throw new IllegalArgumentException("--duration must be at least 1s");
    }
    return new PublicQueryOptions(enterprises, records, seedThreads, lookupRate, searchRate, duration, connections,
        heap, gatewayHeap, storeHeap, storeCacheMb, Options.serviceJavaOptions(env), root, keep, Options.broker(env));
  }
}
