package cn.worksafety.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Everything the local stack takes from the environment, with the local defaults of CONTRACT.md. */
record StackConfig(
    Path root,
    Path dataDir,
    int gatewayPort,
    int enforcementPort,
    int creditPort,
    int storePort,
    Optional<String> mongoUri,
    Map<String, String> rabbitEnv,
    String rabbitHost) {

  /** RABBITMQ_* as the user sets them → the Spring Boot property a service reads. */
  private static final Map<String, String> RABBIT_VARIABLES = Map.of(
      "RABBITMQ_HOST", "SPRING_RABBITMQ_HOST",
      "RABBITMQ_PORT", "SPRING_RABBITMQ_PORT",
      "RABBITMQ_USERNAME", "SPRING_RABBITMQ_USERNAME",
      "RABBITMQ_PASSWORD", "SPRING_RABBITMQ_PASSWORD",
      "RABBITMQ_VHOST", "SPRING_RABBITMQ_VIRTUALHOST");

  static StackConfig fromEnvironment(Map<String, String> env, Path root) {
    Path dataDir = Optional.ofNullable(blankToNull(env.get("LOCAL_DATA_DIR")))
        .map(root::resolve)
        .orElse(root.resolve(".data"));
    Map<String, String> rabbit = new LinkedHashMap<>();
    RABBIT_VARIABLES.forEach((from, to) -> {
      String value = blankToNull(env.get(from));
      if (value != null) {
        rabbit.put(to, value);
      }
    });
    return new StackConfig(
        root,
        dataDir.normalize(),
        port(env, "GATEWAY_PORT", 8080),
        port(env, "ENFORCEMENT_PORT", 8081),
        port(env, "CREDIT_PORT", 8082),
        port(env, "STORE_PORT", 27017),
        Optional.ofNullable(blankToNull(env.get("MONGODB_URI"))),
        Map.copyOf(rabbit),
        Optional.ofNullable(blankToNull(env.get("RABBITMQ_HOST"))).orElse("localhost"));
  }

  Path logsDir() {
    return dataDir.resolve("logs");
  }

  Path storeFile() {
    return dataDir.resolve("store.mv.db");
  }

  Path appJar(String name) {
    return root.resolve("deploy/target/apps/" + name + ".jar");
  }

  boolean embeddedStore() {
    return mongoUri.isEmpty();
  }

  /** Environment added to what a service inherits: its own database, and the broker if configured. */
  Map<String, String> serviceEnv(String database) {
    Map<String, String> env = new LinkedHashMap<>(rabbitEnv);
    env.put("SPRING_MONGODB_URI", mongoUri.orElse("mongodb://127.0.0.1:" + storePort + "/" + database));
    // with a user-supplied URI the database in it (if any) is shared, so name each service's own
    env.put("SPRING_MONGODB_DATABASE", database);
    return env;
  }

  Map<String, String> gatewayEnv() {
    Map<String, String> env = new LinkedHashMap<>(rabbitEnv);
    env.put("ENFORCEMENT_URI", "http://127.0.0.1:" + enforcementPort);
    env.put("CREDIT_URI", "http://127.0.0.1:" + creditPort);
    return env;
  }

  URI gatewayUri() {
    return URI.create("http://localhost:" + gatewayPort);
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "=" + value + " is not a port number");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
