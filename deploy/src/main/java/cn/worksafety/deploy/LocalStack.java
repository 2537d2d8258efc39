package cn.worksafety.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The one-command local stack, run from the repository root: the embedded store, the two services
 * and the gateway as child processes, demo data through the gateway, and an orderly stop on Ctrl-C
 * (gateway, credit, enforcement, then the store, so its file is closed last).
 */
public final class LocalStack {

  private static final int STEPS = 6;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);
  private static final Duration STORE_GRACE = Duration.ofSeconds(60);
  private static final Duration RATING_TIMEOUT = Duration.ofSeconds(60);
  private static final int TAIL_LINES = 30;

  private final StackConfig config;
  private final Progress progress;
  private final Deque<ChildProcess> running = new ArrayDeque<>();
  private boolean stopping;

  LocalStack(StackConfig config, Progress progress) {
    this.config = config;
    this.progress = progress;
  }

  public static void main(String[] args) {
    boolean demoData = true;
    for (String arg : args) {
      switch (arg) {
        case "--no-demo-data" -> demoData = false;
        case "-h", "--help" -> {
          System.out.println(usage());
          return;
        }
        default -> {
          System.err.println("unknown argument " + arg + "\n" + usage());
          System.exit(2);
        }
      }
    }
    StackConfig config;
    try {
      config = StackConfig.fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    LocalStack stack = new LocalStack(config, new Progress(System.out, STEPS));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "local-stack-shutdown"));
    if (!stack.start(demoData)) {
      System.exit(1);
    }
    stack.watch();
  }

  private static String usage() {
    return """
        usage: java -jar deploy/target/local-stack.jar [--no-demo-data]   (from the repository root)
        environment: MONGODB_URI, RABBITMQ_HOST/PORT/USERNAME/PASSWORD/VHOST, GATEWAY_PORT,
                     ENFORCEMENT_PORT, CREDIT_PORT, STORE_PORT, LOCAL_DATA_DIR""";
  }

  /** Starts everything; false (after saying why) if something did not come up. */
  boolean start(boolean demoData) {
    if (!preflight()) {
      return false;
    }
    progress.line("Local stack: data in " + show(config.dataDir()) + ", logs in " + show(config.logsDir()));
    try {
      startStore();
      startService(2, "enforcement-service", config.enforcementPort(), config.serviceEnv("enforcement"));
      startService(3, "credit-service", config.creditPort(), config.serviceEnv("credit"));
      startService(4, "gateway", config.gatewayPort(), config.gatewayEnv());
      loadDemoData(demoData);
    } catch (ChildProcess.StartupFailure | GatewayClient.ApiException | IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    progress.box(summary());
    return true;
  }

  /** Blocks while the stack runs; if a child dies on its own, says so and exits non-zero. */
  void watch() {
    List<CompletableFuture<Process>> exits = new ArrayList<>();
    List<ChildProcess> children;
    synchronized (this) {
      children = List.copyOf(running);
    }
    children.forEach(child -> exits.add(child.onExit()));
    CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
    synchronized (this) {
      if (stopping) {
        return;
      }
    }
    for (ChildProcess child : children) {
      if (!child.isAlive()) {
        progress.line(child.name() + " exited unexpectedly (code " + child.exitCode() + ")");
        printTail(child);
      }
    }
    System.exit(1);
  }

  /** The shutdown hook: children in reverse order of starting, the store last. */
  void stopAll() {
    List<ChildProcess> toStop;
    synchronized (this) {
      stopping = true;
      toStop = new ArrayList<>(running); // running is a stack: newest first
    }
    if (toStop.stream().noneMatch(ChildProcess::isAlive)) {
      return;
    }
    progress.line("");
    progress.line("Stopping the local stack …");
    for (ChildProcess child : toStop) {
      if (!child.isAlive()) {
        continue;
      }
      progress.line("  stopping " + child.name() + " (pid " + child.pid() + ") …");
      try {
        Duration grace = child.name().equals("store") ? STORE_GRACE : SERVICE_GRACE;
        progress.line("  " + child.name() + ": " + child.stop(grace));
        if (child.name().equals("store")) {
          List<String> last = child.tail(1);
          progress.line("  store: " + (last.isEmpty() ? "(no log)" : last.get(0)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    progress.line("Stopped. Data kept in " + show(config.dataDir()));
  }

  private boolean preflight() {
    List<String> missing = new ArrayList<>();
    for (String app : List.of("enforcement-service", "credit-service", "gateway")) {
      if (!Files.isRegularFile(config.appJar(app))) {
        missing.add(show(config.appJar(app)));
      }
    }
    if (!missing.isEmpty()) {
      progress.line("Missing " + String.join(", ", missing) + ".\n"
          + "Run this from the repository root after building (./deploy/local/run builds first, "
          + "or: mvn -B -DskipTests package).");
      return false;
    }
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (config.embeddedStore()) {
      ports.put("the embedded store (STORE_PORT)", config.storePort());
    }
    ports.put("enforcement-service (ENFORCEMENT_PORT)", config.enforcementPort());
    ports.put("credit-service (CREDIT_PORT)", config.creditPort());
    ports.put("gateway (GATEWAY_PORT)", config.gatewayPort());
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      if (ChildProcess.portOpen(port.getValue())) {
        progress.line("Port " + port.getValue() + ", needed by " + port.getKey() + ", is already taken.\n"
            + "Is another local stack (or a MongoDB) still running? Stop it, or choose another port"
            + (port.getValue() == config.storePort() && config.embeddedStore()
                ? "; to use a MongoDB that is already running, set MONGODB_URI=mongodb://127.0.0.1:"
                    + config.storePort()
                : "")
            + ".");
        return false;
      }
    }
    return true;
  }

  private void startStore() throws ChildProcess.StartupFailure, InterruptedException, IOException {
    if (!config.embeddedStore()) {
      progress.step(1, "using MongoDB at " + redact(config.mongoUri().orElseThrow())).done("not started here");
      return;
    }
    List<String> command = List.of(java(), "-cp", ownJar(), EmbeddedStore.class.getName(),
        "--port", String.valueOf(config.storePort()),
        "--backend", "h2", "--file", show(config.storeFile()),
        "--exit-with-parent");
    ChildProcess store = child("store", command, Map.of());
    Progress.Step step = progress.step(1, "starting the embedded store on :" + config.storePort()
        + " (" + show(config.storeFile()) + ")");
    launch(store, step);
    await(store, step, () -> store.awaitPort(config.storePort(), STORE_TIMEOUT));
  }

  private void startService(int number, String name, int port, Map<String, String> env)
      throws ChildProcess.StartupFailure, InterruptedException, IOException {
    List<String> command = List.of(java(), "-Xmx512m", "-jar", show(config.appJar(name)),
        "--spring.profiles.active=local", "--server.port=" + port);
    ChildProcess service = child(name, command, env);
    Progress.Step step = progress.step(number, "starting " + name + " on :" + port);
    launch(service, step);
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    await(service, step, () -> service.awaitReadiness(readiness, READY_TIMEOUT));
  }

  private void loadDemoData(boolean wanted) throws InterruptedException {
    if (!wanted) {
      progress.step(5, "demo data").done("skipped (--no-demo-data)");
      progress.step(6, "ratings").done("skipped");
      return;
    }
    DemoData demo = new DemoData(config.gatewayUri(), progress);
    Progress.Step step = progress.step(5, "demo data through " + config.gatewayUri() + "/api");
    DemoData.Summary summary;
    try {
      if (!demo.isEmpty()) {
        step.done("demo data already present");
        progress.step(6, "ratings").done("nothing new to wait for");
        return;
      }
      summary = demo.load();
    } catch (RuntimeException e) {
      step.fail("demo data could not be loaded");
      progress.line(e instanceof GatewayClient.ApiException ? e.getMessage() : e.toString());
      throw new GatewayClient.ApiException(e.getMessage());
    }
    step.done("loaded " + summary.enterprises() + " enterprises, " + describe(summary.cases()) + ", "
        + summary.partners() + " partner departments");
    Progress.Step ratings = progress.step(6, "waiting for ratings (computed from events), watching "
        + summary.watchUscc());
    String problem;
    try {
      problem = summary.watchUscc() != null && demo.awaitRating(summary.watchUscc(), RATING_TIMEOUT)
          ? null
          : "no rating change visible on /api/public/enterprises/" + summary.watchUscc() + " after "
              + RATING_TIMEOUT.toSeconds() + " s";
    } catch (RuntimeException e) {
      problem = e.getMessage();
    }
    if (problem == null) {
      ratings.done("ratings updated");
    } else {
      ratings.done("WARNING: " + problem + "; see " + show(config.logsDir().resolve("credit-service.log")));
    }
  }

  private static String describe(Map<DemoDataGenerator.Stage, Integer> cases) {
    int total = cases.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder text = new StringBuilder(total + " cases (");
    cases.forEach((stage, count) -> text.append(count).append(' ').append(stage.name().toLowerCase()).append(", "));
    text.setLength(text.length() - 2);
    return text.append(')').toString();
  }

  private interface Wait {
    void run() throws ChildProcess.StartupFailure, InterruptedException;
  }

  private void launch(ChildProcess child, Progress.Step step) throws IOException {
    synchronized (this) {
      if (stopping) {
        throw new IOException("stopping");
      }
      try {
        child.start();
      } catch (IOException e) {
        step.fail("could not start " + child.name() + ": " + e.getMessage());
        throw e;
      }
      running.push(child);
    }
  }

  private void await(ChildProcess child, Progress.Step step, Wait wait)
      throws ChildProcess.StartupFailure, InterruptedException {
    try {
      wait.run();
      step.done("ready");
    } catch (ChildProcess.StartupFailure e) {
      if (!isStopping()) {
        step.fail(e.getMessage());
        printTail(child);
      }
      throw e;
    }
  }

  private synchronized boolean isStopping() {
    return stopping;
  }

  private ChildProcess child(String name, List<String> command, Map<String, String> env) {
    return new ChildProcess(name, command, env, config.root(), config.logsDir().resolve(name + ".log"));
  }

  private void printTail(ChildProcess child) {
    progress.line("---- last " + TAIL_LINES + " lines of " + show(child.logFile()) + " ----");
    child.tail(TAIL_LINES).forEach(progress::line);
    progress.line("----");
  }

  private List<String> summary() {
    String gateway = "http://localhost:" + config.gatewayPort();
    List<String> lines = new ArrayList<>(List.of(
        "The local stack is up.",
        "",
        "Public page          " + gateway + "/",
        "APIs                 " + gateway + "/api/…",
        "gateway              " + gateway + "/actuator/health   " + gateway + "/v3/api-docs",
        "enforcement-service  http://localhost:" + config.enforcementPort() + "/actuator/health   "
            + "http://localhost:" + config.enforcementPort() + "/v3/api-docs",
        "credit-service       http://localhost:" + config.creditPort() + "/actuator/health   "
            + "http://localhost:" + config.creditPort() + "/v3/api-docs"));
    boolean localBroker = config.rabbitHost().equals("localhost") || config.rabbitHost().equals("127.0.0.1");
    if (localBroker && ChildProcess.portOpen(15672)) {
      lines.add("RabbitMQ management  http://localhost:15672");
    } else if (!localBroker) {
      lines.add("RabbitMQ             " + config.rabbitHost());
    }
    lines.add("Store                " + (config.embeddedStore()
        ? "mongodb://127.0.0.1:" + config.storePort() + " (" + show(config.storeFile()) + ")"
        : redact(config.mongoUri().orElseThrow())));
    String tokenRequest = "curl -s -X POST localhost:" + config.gatewayPort() + "/api/dev/tokens"
        + " -H 'Content-Type: application/json'"
        + " -d '{\"subject\":\"me\",\"roles\":[\"OFFICER\"],\"region\":\"440300\"}'";
    lines.addAll(List.of(
        "",
        "An officer token (region 440300):",
        tokenRequest,
        "Keep it and use it:",
        "TOKEN=$(" + tokenRequest + " | sed -E 's/.*\"token\":\"([^\"]+)\".*/\\1/')",
        "curl -s 'localhost:" + config.gatewayPort() + "/api/enforcement/enterprises?size=5'"
            + " -H \"Authorization: Bearer $TOKEN\"",
        "",
        "Logs  " + show(config.logsDir()) + "/<name>.log",
        "Data  " + show(config.dataDir()) + "   (delete it to start from scratch)",
        "",
        "Ctrl-C stops everything."));
    return lines;
  }

  /** A path as the user would type it from the repository root. */
  private String show(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(config.root()) ? config.root().relativize(absolute).toString() : absolute.toString();
  }

  private static String redact(String uri) {
    return uri.replaceFirst("//[^/@]*@", "//***@");
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** This jar (or classes directory), the classpath of the store process. */
  private static String ownJar() {
    try {
      return Path.of(LocalStack.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
