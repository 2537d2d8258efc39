package cn.worksafety.deploy;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two instances of every application, as processes from the packaged jars, against one embedded
 * store over TCP and one RabbitMQ virtual host of their own (so no other test's events reach them).
 * The gateways spread requests over the service instances ({@code lb://}, leaving out one whose
 * readiness check fails); whoever calls the gateways picks one of the two, as a load balancer in
 * front of them would.
 */
final class ReplicatedSystem implements AutoCloseable {
  static final List<String> SERVICES = List.of("enforcement-service", "credit-service");
  private static final Path APPS = Path.of("target", "apps");
  private static final Path LOGS = Path.of("target", "scale-out-logs");
  private static final String MANAGEMENT = "http://"
      + System.getenv().getOrDefault("RABBITMQ_HOST", "localhost") + ":15672/api/";
  // the management API (cowboy) drops a request that asks to upgrade to HTTP/2
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One running instance: {@code enforcement-service-1} and so on. */
  record Instance(String app, int index, int port, ChildProcess process) {
    String name() {
      return app + "-" + index;
    }

    String uri() {
      return "http://127.0.0.1:" + port;
    }
  }

  final String vhost = "scale-out-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Instance> instances = new ArrayList<>();
  private MongoServer store;

  void start(Map<String, String> serviceSettings) throws Exception {
    manage("PUT", "vhosts/" + vhost, "{}");
    manage("PUT", "permissions/" + vhost + "/guest", "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
    store = new MongoServer(new MemoryBackend());
    String mongo = "mongodb://127.0.0.1:" + store.bind().getPort();

    Map<String, List<Integer>> ports = new HashMap<>();
    for (String app : List.of("enforcement-service", "credit-service", "gateway")) {
      ports.put(app, List.of(RunningSystem.freePort(), RunningSystem.freePort()));
    }
    for (String app : SERVICES) {
      Map<String, String> env = new LinkedHashMap<>(serviceSettings);
      env.put("SPRING_MONGODB_URI", mongo);
      env.put("SPRING_MONGODB_DATABASE", "scale-out-" + app);
      env.put("SPRING_RABBITMQ_VIRTUALHOST", vhost);
      for (int i = 0; i < 2; i++) {
        launch(app, i + 1, ports.get(app).get(i), env, List.of());
      }
    }
    List<String> instanceLists = new ArrayList<>();
    for (String app : SERVICES) {
      for (int i = 0; i < 2; i++) {
        instanceLists.add("--spring.cloud.discovery.client.simple.instances." + app + "[" + i + "].uri=http://127.0.0.1:"
            + ports.get(app).get(i));
      }
    }
    Map<String, String> gatewayEnv = Map.of("ENFORCEMENT_URI", "lb://enforcement-service",
        "CREDIT_URI", "lb://credit-service", "DOWNSTREAM_HEALTH_CHECK_INTERVAL", "1s");
    for (int i = 0; i < 2; i++) {
      launch("gateway", i + 1, ports.get("gateway").get(i), gatewayEnv, instanceLists);
    }
    // all six start at once (the machine's cores are busy either way); then each is waited for
    for (Instance instance : instances) {
      try {
        instance.process().awaitReadiness(URI.create(instance.uri() + "/actuator/health/readiness"),
            Duration.ofSeconds(240));
      } catch (ChildProcess.StartupFailure e) {
        throw new AssertionError(instance.name() + " did not start: " + e.getMessage() + "\n"
            + String.join("\n", instance.process().tail(40)));
      }
    }
  }

  private void launch(String app, int index, int port, Map<String, String> env, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(RunningSystem.javaBinary(), "-Xmx384m", "-jar",
        APPS.resolve(app + ".jar").toString(), "--spring.profiles.active=local", "--server.port=" + port));
    command.addAll(arguments);
    ChildProcess process = new ChildProcess(app + "-" + index, command, env, Path.of("."),
        LOGS.resolve(app + "-" + index + ".log"));
    process.start();
    instances.add(new Instance(app, index, port, process));
  }

  List<String> gatewayUris() {
    return instances.stream().filter(i -> i.app().equals("gateway")).map(Instance::uri).toList();
  }

  Instance instance(String app, int index) {
    return instances.stream().filter(i -> i.app().equals(app) && i.index() == index).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    for (int i = instances.size() - 1; i >= 0; i--) {
      try {
        instances.get(i).process().stop(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      manage("DELETE", "vhosts/" + vhost, null);
    } catch (Exception e) {
      // the broker went away: its virtual host with it
    }
    if (store != null) {
      store.shutdownNow();
    }
  }

  private static void manage(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(method + " " + MANAGEMENT + path + " → " + response.statusCode() + " "
          + response.body());
    }
  }

}
