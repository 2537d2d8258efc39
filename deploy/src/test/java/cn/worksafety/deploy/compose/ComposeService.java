package cn.worksafety.deploy.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** One entry of a compose file's {@code services}, read the way compose reads it. */
record ComposeService(String name, JsonNode node) {

  /** A test that is not {@code NONE}, and not disabled. */
  boolean hasHealthcheck() {
    JsonNode healthcheck = node.path("healthcheck");
    JsonNode test = healthcheck.path("test");
    String command = (test.isArray() ? test.path(0) : test).asString("").strip();
    return !command.isEmpty() && !command.equals("NONE") && !healthcheck.path("disable").asBoolean(false);
  }

  /** Both forms: a map, or a list of {@code NAME=value}; a name without a value maps to "". */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    JsonNode declared = node.path("environment");
    if (declared.isObject()) {
      declared.propertyStream().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString("")));
    } else {
      declared.valueStream().map(item -> item.asString("")).forEach(item -> {
        int equals = item.indexOf('=');
        environment.put(equals < 0 ? item : item.substring(0, equals), equals < 0 ? "" : item.substring(equals + 1));
      });
    }
    return environment;
  }

  /** The host file or directory mounted at {@code target}, for the short and the long volume syntax. */
  Optional<String> mountedAt(String target) {
    for (JsonNode volume : node.path("volumes")) {
      if (volume.isObject()) {
        if (target.equals(volume.path("target").asString(""))) {
          return Optional.of(volume.path("source").asString(""));
        }
      } else {
        String[] parts = volume.asString("").split(":");
        if (parts.length >= 2 && target.equals(parts[1])) {
          return Optional.of(parts[0]);
        }
      }
    }
    return Optional.empty();
  }

  /** The first mount whose target lies under {@code directory} (ending in "/"). */
  Optional<String> mountedUnder(String directory) {
    for (JsonNode volume : node.path("volumes")) {
      String target = volume.isObject() ? volume.path("target").asString("") : targetOf(volume.asString(""));
      if (target.startsWith(directory) && target.length() > directory.length()) {
        return mountedAt(target);
      }
    }
    return Optional.empty();
  }

  private static String targetOf(String shortSyntax) {
    String[] parts = shortSyntax.split(":");
    return parts.length >= 2 ? parts[1] : "";
  }
}
