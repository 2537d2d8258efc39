package cn.worksafety.deploy.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the compose file, and the files it refers to (Dockerfiles, .env.example, the Keycloak realm, the
 * RabbitMQ definitions), must satisfy. {@link #violations} lists what does not hold, one line per
 * finding, each naming the service or file it concerns; an empty list means all is well.
 */
final class ComposeFileChecker {
  static final List<String> APPLICATIONS = List.of("enforcement-service", "credit-service", "gateway");
  static final List<String> REPLICATED = List.of("enforcement-service", "credit-service");
  static final int REPLICAS = 2;
  static final String ENV_EXAMPLE = ".env.example";

  private static final String ISSUER_SETTING = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
  private static final String REALM_IMPORT_DIRECTORY = "/opt/keycloak/data/import/";
  private static final String BROKER_CONFIG = "/etc/rabbitmq/rabbitmq.conf";
  private static final Set<String> CONDITIONS =
      Set.of("service_started", "service_healthy", "service_completed_successfully");
  /** Words that make a name a secret's: DB_PASSWORD, MONGO_REPLICA_SET_KEY, REDISCLI_AUTH. */
  private static final Set<String> SECRET_WORDS =
      Set.of("PASSWORD", "PASSWD", "PASS", "SECRET", "KEY", "TOKEN", "AUTH", "CREDENTIALS");
  private static final Pattern URI_USER_INFO = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://([^/@\\s]*)@");
  private static final Pattern LOAD_DEFINITIONS = Pattern.compile("(?m)^\\s*load_definitions\\s*=\\s*(\\S+)\\s*$");
  private static final Pattern ENV_FILE_ENTRY =
      Pattern.compile("(?m)^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, ComposeService> services = new LinkedHashMap<>();
  private final ComposeFiles files;
  private final List<String> violations = new ArrayList<>();

  private ComposeFileChecker(JsonNode compose, ComposeFiles files) {
    this.files = files;
    compose.path("services").propertyStream()
        .forEach(entry -> services.put(entry.getKey(), new ComposeService(entry.getKey(), entry.getValue())));
  }

  static List<String> violations(JsonNode compose, ComposeFiles files) {
    ComposeFileChecker checker = new ComposeFileChecker(compose, files);
    checker.checkServices();
    checker.checkReplicas();
    checker.checkApplicationImages();
    checker.checkVariables(compose);
    checker.checkRealm();
    checker.checkBrokerDefinitions();
    return checker.violations.stream().distinct().toList();
  }

  static boolean namesSecret(String name) {
    return Arrays.stream(name.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")).anyMatch(SECRET_WORDS::contains);
  }

  private void checkServices() {
    Set<String> oneShot = oneShotServices();
    for (ComposeService service : services.values()) {
      if (!oneShot.contains(service.name()) && !service.hasHealthcheck()) {
        violations.add(service.name() + ": long-running, but has no healthcheck");
      }
      checkDependencies(service);
      checkEnvironment(service);
    }
  }

  /** The services another one waits for to complete: steps that do their work and exit. */
  private Set<String> oneShotServices() {
    return services.values().stream()
        .flatMap(service -> service.node().path("depends_on").propertyStream())
        .filter(dependency -> "service_completed_successfully".equals(condition(dependency.getValue())))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }

  private void checkDependencies(ComposeService service) {
    JsonNode dependsOn = service.node().path("depends_on");
    Map<String, String> conditions = new LinkedHashMap<>();
    dependsOn.valueStream().filter(JsonNode::isString).forEach(target -> conditions.put(target.asString(), ""));
    dependsOn.propertyStream().forEach(entry -> conditions.put(entry.getKey(), condition(entry.getValue())));
    conditions.forEach((target, condition) -> {
      if (!services.containsKey(target)) {
        violations.add(service.name() + ": depends on " + target + ", which is not defined");
      }
      if (!CONDITIONS.contains(condition)) {
        violations.add(service.name() + ": depends on " + target + " without a condition");
      } else if (condition.equals("service_healthy") && services.containsKey(target)
          && !services.get(target).hasHealthcheck()) {
        violations.add(service.name() + ": waits for " + target + " to be healthy, but it has no healthcheck");
      }
    });
    String networkMode = service.node().path("network_mode").asString("");
    if (networkMode.startsWith("service:") && !services.containsKey(networkMode.substring("service:".length()))) {
      violations.add(service.name() + ": network_mode names " + networkMode + ", which is not defined");
    }
  }

  private static String condition(JsonNode dependency) {
    return dependency.path("condition").asString("");
  }

  private void checkEnvironment(ComposeService service) {
    service.environment().forEach((name, value) -> {
      if (namesSecret(name) && !Interpolation.isSingleReference(value)) {
        violations.add(service.name() + ": " + name + " holds a literal value instead of a variable from .env");
      }
      Matcher userInfo = URI_USER_INFO.matcher(Interpolation.withPlainReferences(value));
      while (userInfo.find()) {
        String info = userInfo.group(1);
        int colon = info.indexOf(':');
        if (colon >= 0 && !Interpolation.isSingleReference(info.substring(colon + 1))) {
          violations.add(service.name() + ": " + name + " holds a URI with a literal password");
        }
      }
      if (name.equals("SPRING_PROFILES_ACTIVE")
          && Arrays.stream(value.split(",")).map(String::strip).anyMatch("local"::equals)) {
        violations.add(service.name() + ": SPRING_PROFILES_ACTIVE activates local, the embedded one-machine run");
      }
    });
  }

  private void checkReplicas() {
    for (String name : REPLICATED) {
      ComposeService service = services.get(name);
      if (service == null) {
        violations.add("no service " + name);
        continue;
      }
      int replicas = service.node().path("deploy").path("replicas").asInt(1);
      if (replicas != REPLICAS) {
        violations.add(name + ": " + replicas + " replica(s), " + REPLICAS + " required");
      }
    }
  }

  /** Built at the repository root from {@code <service>/Dockerfile}, running as a user that is not root. */
  private void checkApplicationImages() {
    for (String name : APPLICATIONS) {
      ComposeService service = services.get(name);
      if (service == null) {
        violations.add("no service " + name);
        continue;
      }
      JsonNode build = service.node().path("build");
      String context = build.path("context").asString("");
      String dockerfile = build.path("dockerfile").asString("");
      if (context.isEmpty() || !Path.of(context).normalize().equals(Path.of("../.."))
          || !dockerfile.equals(name + "/Dockerfile")) {
        violations.add(name + ": not built from the repository root (../..) with " + name + "/Dockerfile");
        continue;
      }
      read(context + "/" + dockerfile).ifPresent(content -> checkDockerfileUser(dockerfile, content));
    }
  }

  /** The last USER of the last stage is the one the container runs as. */
  private void checkDockerfileUser(String file, String dockerfile) {
    String user = null;
    for (String line : dockerfile.lines().map(String::strip).toList()) {
      String instruction = line.toUpperCase(Locale.ROOT);
      if (instruction.startsWith("FROM ")) {
        user = null;
      } else if (instruction.startsWith("USER ")) {
        user = line.substring("USER ".length()).strip();
      }
    }
    if (user == null) {
      violations.add(file + ": no USER in the last stage, so the container runs as root");
    } else if (Set.of("root", "0").contains(user.split(":")[0])) {
      violations.add(file + ": USER " + user + " is root");
    }
  }

  /**
   * Every variable the compose file substitutes is in .env.example; a secret's is required with a
   * message ({@code ${NAME:?...}}), so compose refuses to start without it instead of using a default.
   */
  private void checkVariables(JsonNode compose) {
    Optional<Set<String>> documented = read(ENV_EXAMPLE).map(content -> ENV_FILE_ENTRY.matcher(content).results()
        .map(entry -> entry.group(1)).collect(Collectors.toSet()));
    strings(compose).flatMap(value -> Interpolation.references(value).stream()).forEach(reference -> {
      String name = reference.name();
      if (documented.isPresent() && !documented.get().contains(name)) {
        violations.add("${" + name + "} is not in " + ENV_EXAMPLE);
      }
      if (namesSecret(name) && !reference.requiredWithMessage()) {
        violations.add("${" + name + "} names a secret: write ${" + name + ":?message} so that it is required");
      }
    });
  }

  private static Stream<String> strings(JsonNode node) {
    if (node.isString()) {
      return Stream.of(node.asString());
    }
    if (node.isObject()) {
      return node.propertyStream()
          .flatMap(entry -> Stream.concat(Stream.of(entry.getKey()), strings(entry.getValue())));
    }
    return node.valueStream().flatMap(ComposeFileChecker::strings);
  }

  private void checkRealm() {
    Optional<ComposeService> keycloak = services.values().stream()
        .filter(service -> service.mountedUnder(REALM_IMPORT_DIRECTORY).isPresent()).findFirst();
    if (keycloak.isEmpty()) {
      violations.add("no service imports a Keycloak realm (a file mounted in " + REALM_IMPORT_DIRECTORY + ")");
      return;
    }
    String file = normalized(keycloak.get().mountedUnder(REALM_IMPORT_DIRECTORY).orElseThrow());
    readJson(file).ifPresent(realm -> {
      violations.addAll(RealmFile.violations(realm, file, keycloak.get().environment().keySet()));
      checkIssuers(keycloak.get(), realm.path("realm").asString(""));
    });
  }

  /** Each application accepts the issuer Keycloak writes into every token: its KC_HOSTNAME, a full URL. */
  private void checkIssuers(ComposeService keycloak, String realm) {
    String hostname = keycloak.environment().getOrDefault("KC_HOSTNAME", "");
    if (!hostname.startsWith("http://") && !hostname.startsWith("https://")) {
      violations.add(keycloak.name() + ": KC_HOSTNAME is not a full URL, so the tokens' issuer depends on "
          + "the address Keycloak was reached at");
      return;
    }
    String issuer = hostname + "/realms/" + realm;
    for (String name : APPLICATIONS) {
      String accepted = services.containsKey(name)
          ? services.get(name).environment().getOrDefault(ISSUER_SETTING, "") : issuer;
      if (!accepted.equals(issuer)) {
        violations.add(name + ": accepts tokens from issuer '" + accepted + "', Keycloak issues them as '"
            + issuer + "'");
      }
    }
  }

  /** The broker's configuration loads the definitions file that is mounted, and the services use its vhost. */
  private void checkBrokerDefinitions() {
    Optional<ComposeService> broker = services.values().stream()
        .filter(service -> service.mountedAt(BROKER_CONFIG).isPresent()).findFirst();
    if (broker.isEmpty()) {
      violations.add("no service mounts a RabbitMQ configuration at " + BROKER_CONFIG);
      return;
    }
    String configFile = normalized(broker.get().mountedAt(BROKER_CONFIG).orElseThrow());
    Optional<String> config = read(configFile);
    if (config.isEmpty()) {
      return;
    }
    Matcher load = LOAD_DEFINITIONS.matcher(config.get());
    if (!load.find()) {
      violations.add(configFile + ": no load_definitions");
      return;
    }
    Optional<String> definitionsFile = broker.get().mountedAt(load.group(1)).map(ComposeFileChecker::normalized);
    if (definitionsFile.isEmpty()) {
      violations.add(broker.get().name() + ": load_definitions reads " + load.group(1) + ", which is not mounted");
      return;
    }
    readJson(definitionsFile.get()).ifPresent(definitions -> {
      violations.addAll(BrokerDefinitions.violations(definitions, definitionsFile.get()));
      Set<String> vhosts = BrokerDefinitions.vhosts(definitions);
      services.values().stream().filter(service -> service.environment().containsKey("SPRING_RABBITMQ_HOST"))
          .forEach(service -> {
            String vhost = service.environment().getOrDefault("SPRING_RABBITMQ_VIRTUALHOST", "/");
            if (!vhosts.contains(vhost)) {
              violations.add(service.name() + ": uses vhost '" + vhost + "', which " + definitionsFile.get()
                  + " does not declare");
            }
          });
    });
  }

  private Optional<String> read(String file) {
    Optional<String> content = files.read(file);
    if (content.isEmpty()) {
      violations.add(normalized(file) + ": not found");
    }
    return content;
  }

  private Optional<JsonNode> readJson(String file) {
    return read(file).flatMap(content -> {
      try {
        return Optional.of(JSON.readTree(content));
      } catch (JacksonException e) {
        violations.add(file + ": not JSON (" + e.getOriginalMessage() + ")");
        return Optional.empty();
      }
    });
  }

  private static String normalized(String path) {
    return Path.of(path).normalize().toString();
  }
}
