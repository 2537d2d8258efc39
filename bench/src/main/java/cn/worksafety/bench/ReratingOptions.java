package cn.worksafety.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The command line of {@link CreditRerating}; the broker comes from the RABBITMQ_* environment. */
record ReratingOptions(
    int enterprises,
    int recordsPerEnterprise,
    int seedThreads,
    int probes,
    boolean everyScoreChanges,
    String heap,
    String storeHeap,
    int storeCacheMb,
    List<String> serviceJavaOptions,
    Path root,
    boolean keep,
    Stack.Broker broker) {

  static final String USAGE = """
      usage: credit-rerating [--enterprises 1000000] [--records 5] [--seed-threads 2] [--probes 1000]
                             [--every-score-changes] [--heap 1g] [--store-heap 16g] [--store-cache-mb 4096]
                             [--root .] [--keep]
        --enterprises   credit files seeded straight into the store (the service's own mapping)
        --records       average credit records per enterprise (0 to twice as many each)
        --seed-threads  threads building and inserting files while seeding
        --probes        single-enterprise re-ratings timed after the full re-rating, one at a time
        --every-score-changes
                        activate a version that moves every score by 10, so that every file is written
                        and every change announced (the worst case), instead of one with the rules in
                        force, which re-rates every file and writes those a day of ageing changed
        --heap          -Xmx of the credit-service process (the goal is a heap of at most 1 GB)
        --store-heap    -Xmx of the embedded store: it holds a whole query's result in memory
        --store-cache-mb  the store's page cache (EmbeddedStore --cache-mb): 4 GB holds a million files
        --root          the repository root (deploy/target/local-stack.jar and deploy/target/apps are used)
        --keep          keep the store file and logs (otherwise deleted after a successful run)
      environment: RABBITMQ_HOST (localhost), RABBITMQ_PORT (5672), RABBITMQ_USERNAME/PASSWORD (guest),
                   RABBITMQ_VHOST (/); SERVICE_JAVA_OPTS: more JVM options for the service""";

  /** The options, or null when only the usage was asked for. */
  static ReratingOptions parse(String[] args, Map<String, String> env) {
    int enterprises = 1_000_000;
    int records = 5;
    int seedThreads = 2;
    int probes = 1_000;
    boolean everyScoreChanges = false;
    String heap = "1g";
    String storeHeap = "16g";
    int storeCacheMb = 4096;
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
        case "--probes" -> probes = Options.positive(arg, Options.value(args, ++i, arg));
        case "--every-score-changes" -> everyScoreChanges = true;
        case "--heap" -> heap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--store-heap" -> storeHeap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--store-cache-mb" -> storeCacheMb = Options.positive(arg, Options.value(args, ++i, arg));
        case "--root" -> root = Path.of(Options.value(args, ++i, arg)).toAbsolutePath().normalize();
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    return new ReratingOptions(enterprises, records, seedThreads, probes, everyScoreChanges, heap, storeHeap, storeCacheMb,
        Options.serviceJavaOptions(env), root, keep, Options.broker(env));
  }
}
