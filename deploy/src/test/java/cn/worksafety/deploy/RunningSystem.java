package cn.worksafety.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Uscc;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system for the end-to-end tests: the three applications as processes from the packaged
 * jars on random ports, against an embedded store over TCP and the real RabbitMQ. Started once for
 * every test class that uses it ({@code @ExtendWith(RunningSystem.class)}) and stopped when the
 * test run ends.
 */
public final class RunningSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path APPS = Path.of("target", "apps");
  static final String INBOX = "credit-service.e2e-" + UUID.randomUUID().toString().substring(0, 8);

  private static String gateway;
  private final List<ChildProcess> running = new ArrayList<>();
  private MongoServer store;

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(RunningSystem.class, key -> startNew());
  }

  private static RunningSystem startNew() {
    RunningSystem system = new RunningSystem();
    try {
      system.start();
    } catch (Exception e) {
      system.close();
      throw new IllegalStateException("the system did not start", e);
    }
    return system;
  }

  private void start() throws Exception {
    store = new MongoServer(new MemoryBackend());
    InetSocketAddress address = store.bind();
    String mongo = "mongodb://127.0.0.1:" + address.getPort();
    int enforcement = freePort();
    int credit = freePort();
    int gatewayPort = freePort();
    start("enforcement-service", enforcement, Map.of("SPRING_MONGODB_URI", mongo, "SPRING_MONGODB_DATABASE", "e2e-enforcement"));
    start("credit-service", credit, Map.of("SPRING_MONGODB_URI", mongo, "SPRING_MONGODB_DATABASE", "e2e-credit",
        "APP_INBOX_QUEUE", INBOX, "LOGGING_LEVEL_CN_WORKSAFETY_PLATFORM_OUTBOX", "DEBUG"));
    start("gateway", gatewayPort, Map.of("ENFORCEMENT_URI", "http://127.0.0.1:" + enforcement,
        "CREDIT_URI", "http://127.0.0.1:" + credit));
    gateway = "http://127.0.0.1:" + gatewayPort;
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).stop(Duration.ofSeconds(20));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Connection connection = rabbit(); Channel channel = connection.createChannel()) {
      channel.queueDelete(INBOX);
      channel.queueDelete(INBOX + ".dlq");
    } catch (Exception e) {
      // a broker that went away takes its queues' fate with it; nothing to clean then
    }
    if (store != null) {
      store.shutdownNow();
    }
  }

  private void start(String name, int port, Map<String, String> env) throws Exception {
    Path jar = APPS.resolve(name + ".jar");
    ChildProcess child = new ChildProcess(name, List.of(javaBinary(), "-Xmx384m", "-jar", jar.toString(),
        "--spring.profiles.active=local", "--server.port=" + port), env, Path.of("."),
        Path.of("target", "e2e-logs", name + ".log"));
    child.start();
    running.add(child);
    try {
      child.awaitReadiness(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), Duration.ofSeconds(180));
    } catch (ChildProcess.StartupFailure e) {
      throw new AssertionError(name + " did not start: " + e.getMessage() + "\n" + String.join("\n", child.tail(40)));
    }
  }

  /** The gateway's address, as a user's browser would use it. */
  static String gateway() {
    return gateway;
  }

  static String token(String subject, String role, String region) throws Exception {
    return post("/api/dev/tokens", null, Map.of("subject", subject, "roles", List.of(role), "region", region), 201)
        .get("token").asString();
  }

  static JsonNode get(String path, int status) throws Exception {
    return send("GET", path, null, null, status);
  }

  static JsonNode post(String path, String token, Object body, int status) throws Exception {
    return send("POST", path, token, body, status);
  }

  static JsonNode send(String method, String path, String token, Object body, int status) throws Exception {
    HttpResponse<String> response = exchange(method, path, token, body);
    assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  static HttpResponse<String> exchange(String method, String path, String token, Object body) throws Exception {
    return HTTP.send(request(method, gateway + path, token, body), HttpResponse.BodyHandlers.ofString());
  }

  /** A request as a user's client sends it: JSON body if any, bearer token if any, 30 s at most. */
  static HttpRequest request(String method, String uri, String token, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  static String newUscc(String region) {
    String charset = Uscc.CHARSET;
    StringBuilder code = new StringBuilder("91").append(region);
    for (int i = 0; i < 9; i++) {
      code.append(charset.charAt(ThreadLocalRandom.current().nextInt(charset.length())));
    }
    return code.append(Uscc.checkCharacter(code.toString())).toString();
  }

  /** What {@code probe} gives once it gives anything (not null): asked every 200 ms, for at most 30 s. */
  static <T> T await(String what, Callable<T> probe) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (T value = probe.call(); ; value = probe.call()) {
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + ": not within 30 s");
      }
      Thread.sleep(200);
    }
  }

  /** The listing proposed for {@code uscc} and waiting for its notice, as the officer's list shows it, or null. */
  static JsonNode proposalFor(String uscc, String token) throws Exception {
    for (JsonNode item : send("GET", "/api/credit/blacklist/proposals?state=PROPOSED&size=100", token, null, 200)
        .get("items")) {
      if (item.get("uscc").asString().equals(uscc)) {
        return item;
      }
    }
    return null;
  }

  static Connection rabbit() throws Exception {
    return rabbit("/");
  }

  static Connection rabbit(String vhost) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
    factory.setVirtualHost(vhost);
    return factory.newConnection("e2e-test");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
