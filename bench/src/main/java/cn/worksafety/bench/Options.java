package cn.worksafety.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The command line of {@link CaseTransitions}; the broker comes from the RABBITMQ_* environment. */
record Options(
    int cases,
    int enterprises,
    int threads,
    int seedThreads,
    Duration warmup,
    Duration duration,
    String heap,
    List<String> serviceJavaOptions,
    Path root,
    boolean keep,
    Stack.Broker broker,
    int goalThroughput,
    int goalP99Millis,
    int goalDrainSeconds) {

  static final String USAGE = """
      usage: case-transitions [--cases 100000] [--enterprises 1000] [--threads 8] [--seed-threads 8]
                              [--warmup 10s] [--duration 5m] [--heap 512m] [--root .] [--keep]
        --cases         cases seeded through the API before the load (the store's size)
        --enterprises   enterprises the cases are spread over
        --threads       client threads of the measured load, each taking one case at a time
                        through investigation → notice → decision → approval → service → execution → closure
        --seed-threads  client threads while seeding
        --warmup        load before measuring (not counted in the latency figures)
        --duration      measured load
        --heap          -Xmx of the enforcement-service process
        --root          the repository root (deploy/target/local-stack.jar and deploy/target/apps are used)
        --keep          keep the store file and logs (otherwise deleted after a successful run)
      environment: RABBITMQ_HOST (localhost), RABBITMQ_PORT (5672), RABBITMQ_USERNAME/PASSWORD (guest),
                   RABBITMQ_VHOST (/); SERVICE_JAVA_OPTS: more JVM options for the service (e.g. a JFR
                   recording: -XX:StartFlightRecording=filename=/tmp/service.jfr,settings=profile)""";

  /** The options, or null when only the usage was asked for. */
  static Options parse(String[] args) {
    return parse(args, System.getenv());
  }

  static Options parse(String[] args, Map<String, String> env) {
    int cases = 100_000;
    int enterprises = 1_000;
    int threads = 8;
    int seedThreads = 8;
    Duration warmup = Duration.ofSeconds(10);
    Duration duration = Duration.ofMinutes(5);
    String heap = "512m";
    Path root = Path.of("").toAbsolutePath();
    boolean keep = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--cases" -> cases = positive(arg, value(args, ++i, arg));
        case "--enterprises" -> enterprises = positive(arg, value(args, ++i, arg));
        case "--threads" -> threads = positive(arg, value(args, ++i, arg));
        case "--seed-threads" -> seedThreads = positive(arg, value(args, ++i, arg));
        case "--warmup" -> warmup = duration(arg, value(args, ++i, arg));
        case "--duration" -> duration = duration(arg, value(args, ++i, arg));
        case "--heap" -> heap = value(args, ++i, arg);
        case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
        case "--keep" -> keep = true;
        default -> throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    heap("--heap", heap);
    if (duration.isZero()) {
      throw new IllegalArgumentException("--duration must be more than 0");
    }
    List<String> serviceJavaOptions = serviceJavaOptions(env);
    return new Options(cases, Math.min(enterprises, cases), threads, seedThreads, warmup, duration, heap,
        serviceJavaOptions, root,
        keep, broker(env), 300, 50, 2);
  }

  /** Stack.Broker from RABBITMQ_HOST, _PORT, _USERNAME, _PASSWORD and _VHOST (the local broker's defaults). */
  static Stack.Broker broker(Map<String, String> env) {
    return new Stack.Broker(env.getOrDefault("RABBITMQ_HOST", "localhost"),
        Integer.parseInt(env.getOrDefault("RABBITMQ_PORT", "5672")), env.getOrDefault("RABBITMQ_USERNAME", "guest"),
        env.getOrDefault("RABBITMQ_PASSWORD", "guest"), env.getOrDefault("RABBITMQ_VHOST", "/"));
  }

  /** More JVM options for the service under test, from SERVICE_JAVA_OPTS. */
  static List<String> serviceJavaOptions(Map<String, String> env) {
    return javaOptions(env, "SERVICE_JAVA_OPTS");
  }

  /** JVM options from an environment variable, split at spaces. */
  static List<String> javaOptions(Map<String, String> env, String variable) {
    String javaOptions = env.getOrDefault(variable, "").trim();
    return javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+"));
  }

  static String heap(String name, String value) {
    if (!value.matches("[0-9]+[kKmMgG]?")) {
      throw new IllegalArgumentException(name + " takes a size such as 512m");
    }
    return value;
  }

  static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a positive whole number, not " + value);
    }
  }

  /** "30s", "2m", "500ms" or plain seconds. */
  static Duration duration(String name, String value) {
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " takes a duration such as 30s, 2m or 500ms, not " + value);
    }
  }
}
