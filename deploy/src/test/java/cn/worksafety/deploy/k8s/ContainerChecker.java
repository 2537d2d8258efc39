package cn.worksafety.deploy.k8s;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The rules for one container of a Deployment: probes, resources, hardening, environment. */
final class ContainerChecker {
  private static final String LIVENESS_PATH = "/actuator/health/liveness";
  private static final String READINESS_PATH = "/actuator/health/readiness";

  /** Settings that carry credentials whatever their value looks like. */
  private static final Set<String> CREDENTIAL_SETTINGS = Set.of("SPRING_MONGODB_URI", "RATE_LIMIT_REDIS_URL");
  /** scheme://user:password@... */
  private static final Pattern URI_WITH_CREDENTIALS =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@\\s]*:[^/@\\s]*@");

  private ContainerChecker() {}

  /** Probes are checked for the application containers only, not for init containers. */
  static void checkProbes(JsonNode container, String where, List<String> violations) {
    if (!LIVENESS_PATH.equals(probePath(container.path("livenessProbe")))) {
      violations.add(where + ": no liveness probe on " + LIVENESS_PATH);
    }
    if (!READINESS_PATH.equals(probePath(container.path("readinessProbe")))) {
      violations.add(where + ": no readiness probe on " + READINESS_PATH);
    }
  }

  static void check(JsonNode container, JsonNode podSecurity, String where, List<String> violations) {
    checkResources(container, where, violations);
    checkSecurity(container.path("securityContext"), podSecurity, where, violations);
    checkEnvironment(container, where, violations);
  }

  /** A credential, or a setting that always holds one, must never be a literal value. */
  static boolean carriesCredentials(String name, String literalValue) {
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.contains("PASSWORD") || upper.contains("SECRET") || CREDENTIAL_SETTINGS.contains(upper)
        || URI_WITH_CREDENTIALS.matcher(literalValue).find();
  }

  /** The {@code local} profile is the embedded one-machine run (test tokens, a shared signing key). */
  static boolean activatesLocalProfile(String name, String value) {
    return name.equals("SPRING_PROFILES_ACTIVE")
        && Arrays.stream(value.split(",")).map(String::trim).anyMatch("local"::equalsIgnoreCase);
  }

  private static String probePath(JsonNode probe) {
    return probe.path("httpGet").path("path").asString("");
  }

  private static void checkResources(JsonNode container, String where, List<String> violations) {
    for (String bound : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (!container.path("resources").path(bound).path(resource).isValueNode()) {
          violations.add(where + ": no resources." + bound + "." + resource);
        }
      }
    }
  }

  private static void checkSecurity(
      JsonNode security, JsonNode podSecurity, String where, List<String> violations) {
    JsonNode runAsNonRoot =
        security.has("runAsNonRoot") ? security.path("runAsNonRoot") : podSecurity.path("runAsNonRoot");
    if (!runAsNonRoot.asBoolean(false)) {
      violations.add(where + ": runAsNonRoot is not true");
    }
    if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
      violations.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
      violations.add(where + ": allowPrivilegeEscalation is not false");
    }
    JsonNode dropped = security.path("capabilities").path("drop");
    if (dropped.valueStream().noneMatch(capability -> "ALL".equals(capability.asString("")))) {
      violations.add(where + ": capabilities do not drop ALL");
    }
  }

  private static void checkEnvironment(JsonNode container, String where, List<String> violations) {
    for (JsonNode variable : container.path("env")) {
      String name = variable.path("name").asString("");
      String value = variable.path("value").asString("");
      if (carriesCredentials(name, value) && !variable.path("valueFrom").has("secretKeyRef")) {
        violations.add(where + ": " + name + " must come from a secretKeyRef");
      }
      if (activatesLocalProfile(name, value)) {
        violations.add(where + ": SPRING_PROFILES_ACTIVE activates the profile local");
      }
    }
  }
}
