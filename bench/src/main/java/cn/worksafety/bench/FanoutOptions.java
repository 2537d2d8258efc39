package cn.worksafety.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The command line of {@link PartnerFanout}; the broker comes from the RABBITMQ_* environment. */
record FanoutOptions(
    int listings,
    int probes,
    double probeRate,
    int partners,
    int clients,
    String heap,
    String storeHeap,
    List<String> serviceJavaOptions,
    Path root,
    boolean keep,
    Stack.Broker broker) {

  static final String USAGE = """
      usage: partner-fanout [--listings 10000] [--probes 1000] [--probe-rate 20] [--partners 50] [--clients 8]
                            [--heap 1g] [--store-heap 4g] [--root .] [--keep]
        --listings    decided listings published through the API all at once, by --clients clients (each
                      one credit.blacklist.entered to every partner queue): the delivered rate
        --probes      decided listings published first, at --probe-rate per second: the latency from
                      asking for a publication to its arrival in the partner queues
        --partners    partner departments registered through the API (a quorum queue and user each)
        --clients     client threads publishing listings at once
        --heap        -Xmx of the credit-service process
        --store-heap  -Xmx of the embedded store
        --root        the repository root (deploy/target/local-stack.jar, deploy/target/apps and
                      bench/target/perf-test are used)
        --keep        keep the store file and logs (otherwise deleted after a successful run)
      environment: RABBITMQ_HOST (localhost), RABBITMQ_PORT (5672), RABBITMQ_USERNAME/PASSWORD (guest),
                   RABBITMQ_VHOST (/); SERVICE_JAVA_OPTS: more JVM options for the service""";

  /** The options, or null when only the usage was asked for. */
  static FanoutOptions parse(String[] args, Map<String, String> env) {
    int listings = 10_000;
    int probes = 1_000;
    double probeRate = 20;
    int partners = 50;
    int clients = 8;
    String heap = "1g";
    String storeHeap = "4g";
    Path root = Path.of("").toAbsolutePath();
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--listings" -> listings = Options.positive(arg, Options.value(args, ++i, arg));
        case "--probes" -> probes = Options.positive(arg, Options.value(args, ++i, arg));
        case "--probe-rate" -> probeRate = Options.positive(arg, Options.value(args, ++i, arg));
        case "--partners" -> partners = Options.positive(arg, Options.value(args, ++i, arg));
        case "--clients" -> clients = Options.positive(arg, Options.value(args, ++i, arg));
        case "--heap" -> heap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--store-heap" -> storeHeap = Options.heap(arg, Options.value(args, ++i, arg));
        case "--root" -> root = Path.of(Options.value(args, ++i, arg)).toAbsolutePath().normalize();
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    return new FanoutOptions(listings, probes, probeRate, partners, clients, heap, storeHeap, Options.serviceJavaOptions(env), root,
        keep, Options.broker(env));
  }
}
