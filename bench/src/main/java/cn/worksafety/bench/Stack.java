package cn.worksafety.bench;

import static cn.worksafety.bench.Report.say;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The processes a benchmark measures, each in its own JVM on a free port: the embedded store exactly
 * as the local stack runs it (H2 file backend, its file in the work directory) and packaged services
 * (profile {@code local}, a JWT key of the benchmark's own). Stopped in reverse order, the store last
 * and with time to close its file cleanly.
 */
final class Stack {
  /** The broker a service is pointed at (the benchmark's own virtual host, see the scripts). */
  record Broker(String host, int port, String user, String password, String vhost) {
    com.rabbitmq.client.Connection connect(String name) throws IOException, java.util.concurrent.TimeoutException {
      com.rabbitmq.client.ConnectionFactory factory = new com.rabbitmq.client.ConnectionFactory();
      factory.setHost(host);
      factory.setPort(port);
      factory.setUsername(user);
      factory.setPassword(password);
      factory.setVirtualHost(vhost);
      return factory.newConnection(name);
    }
  }

  /** A started service: its process and where it answers. */
  record Service(Child process, URI base) {}

  private final Path root;
  private final Path work;
  private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final List<Child> children = new CopyOnWriteArrayList<>();
  private int storePort;

  Stack(Path root, Path work) {
    this.root = root;
    this.work = work;
  }

  Path jar(String relative) {
    Path jar = root.resolve(relative);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("missing " + jar + " (build first: mvn -B -DskipTests package)");
    }
    return jar;
  }

  /**
   * Starts the store; {@code heap} is its -Xmx and {@code cacheMb} its page cache in MB (null: the
   * JVM's and the store's defaults).
   */
  Child startStore(String heap, Integer cacheMb) throws IOException, InterruptedException {
    Path storeJar = jar("deploy/target/local-stack.jar");
    storePort = Child.freePort();
    List<String> command = new ArrayList<>(List.of(java));
    if (heap != null) {
      command.add("-Xmx" + heap);
    }
    command.addAll(Options.javaOptions(System.getenv(), "STORE_JAVA_OPTS"));
    command.addAll(List.of("-cp", storeJar.toString(), "cn.worksafety.deploy.EmbeddedStore", "--port",
        String.valueOf(storePort), "--backend", "h2", "--file", work.resolve("store.mv.db").toString(),
        "--exit-with-parent"));
    if (cacheMb != null) {
      command.addAll(List.of("--cache-mb", cacheMb.toString()));
    }
    Child store = Child.start("store", command, Map.of(), root, work.resolve("store.log"));
    children.add(store);
    store.awaitPort(storePort, Duration.ofSeconds(60));
    return store;
  }

  String storeUri() {
    return "mongodb://127.0.0.1:" + storePort;
  }

  /** Starts {@code deploy/target/apps/<name>.jar} on the store's database {@code database} and waits until it is ready. */
  Service startService(String name, String database, String heap, List<String> javaOptions, Broker broker,
      String jwtSecret) throws IOException, InterruptedException {
    return startService(name, database, heap, javaOptions, broker, jwtSecret, Map.of());
  }

  /** As above, with more environment for the service (a gateway's routes, say). */
  Service startService(String name, String database, String heap, List<String> javaOptions, Broker broker,
      String jwtSecret, Map<String, String> moreEnv) throws IOException, InterruptedException {
    Path serviceJar = jar("deploy/target/apps/" + name + ".jar");
    int port = Child.freePort();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_MONGODB_URI", storeUri() + "/" + database);
    env.put("SPRING_MONGODB_DATABASE", database);
    env.put("SPRING_RABBITMQ_HOST", broker.host());
    env.put("SPRING_RABBITMQ_PORT", String.valueOf(broker.port()));
    env.put("SPRING_RABBITMQ_USERNAME", broker.user());
    env.put("SPRING_RABBITMQ_PASSWORD", broker.password());
    env.put("SPRING_RABBITMQ_VIRTUALHOST", broker.vhost());
    env.put("LOCAL_JWT_SECRET", jwtSecret);
    env.putAll(moreEnv);
    List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
    command.addAll(javaOptions);
    command.addAll(List.of("-jar", serviceJar.toString(), "--spring.profiles.active=local",
        "--server.port=" + port));
    Child service = Child.start(name, command, env, root, work.resolve(name + ".log"));
    children.add(service);
    URI base = URI.create("http://127.0.0.1:" + port);
    service.awaitHttp200(base.resolve("/actuator/health/readiness"), Duration.ofSeconds(180));
    return new Service(service, base);
  }

  /** What a benchmark does between starting and stopping its processes; its exit status. */
  @FunctionalInterface
  interface Run {
    int run() throws Exception;
  }

  /**
   * Runs the benchmark, then stops every process (also on Ctrl-C) and deletes the work directory,
   * unless asked to keep it or the run failed; the exit status (1 when the run threw).
   */
  int runThenStop(boolean keep, Run benchmark) {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "bench-cleanup"));
    int code;
    try {
      code = benchmark.run();
    } catch (Exception e) {
      System.out.println("FAILED: " + e.getMessage());
      code = 1;
    }
    stopAll();
    if (keep || code != 0) {
      System.out.println("store file and logs kept in " + work);
    } else {
      Report.deleteTree(work);
    }
    return code;
  }

  void stopAll() {
    List<Child> reversed = new ArrayList<>(children);
    Collections.reverse(reversed);
    for (Child child : reversed) {
      if (child.alive()) {
        try {
          String outcome = child.stop(child.name().equals("store") ? Duration.ofSeconds(60) : Duration.ofSeconds(30));
          say("%s: %s", child.name(), outcome);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
