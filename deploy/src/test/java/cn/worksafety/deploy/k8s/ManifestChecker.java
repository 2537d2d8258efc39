package cn.worksafety.deploy.k8s;

import static cn.worksafety.deploy.k8s.ContainerChecker.activatesLocalProfile;
import static cn.worksafety.deploy.k8s.ContainerChecker.carriesCredentials;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What every rendering of the Kubernetes files must satisfy. {@link #violations} lists what does not
 * hold, one line per finding, each naming the object it concerns; an empty list means all is well.
 */
final class ManifestChecker {
  private final boolean dataStoresReplicated;

  private ManifestChecker(boolean dataStoresReplicated) {
    this.dataStoresReplicated = dataStoresReplicated;
  }

  /** For a cluster that may run MongoDB and RabbitMQ with a single member (e.g. on one machine). */
  static ManifestChecker forAnyCluster() {
    return new ManifestChecker(false);
  }

  /** For production: MongoDB and RabbitMQ with an odd number of at least three members each. */
  static ManifestChecker forProduction() {
    return new ManifestChecker(true);
  }

  List<String> violations(Manifests manifests) {
    List<String> violations = new ArrayList<>();
    for (JsonNode deployment : manifests.ofKind("Deployment")) {
      checkDeployment(deployment, manifests, violations);
    }
    checkAutoscalers(manifests, violations);
    checkConfigMaps(manifests, violations);
    for (JsonNode secret : manifests.ofKind("Secret")) {
      violations.add("Secret " + Manifests.name(secret)
          + ": secrets are created in the cluster, never kept in these files");
    }
    checkDataStore(manifests, "MongoDBCommunity", "members", violations);
    checkDataStore(manifests, "RabbitmqCluster", "replicas", violations);
    return violations;
  }

  private static void checkDeployment(JsonNode deployment, Manifests manifests, List<String> violations) {
    String subject = "Deployment " + Manifests.name(deployment);
    int replicas = deployment.path("spec").path("replicas").asInt(1);
    if (replicas < 2) {
      violations.add(subject + ": replicas " + replicas + ", at least 2 required");
    }
    checkCompanions(deployment, subject, manifests, violations);
    JsonNode podSpec = deployment.path("spec").path("template").path("spec");
    for (JsonNode container : podSpec.path("containers")) {
      ContainerChecker.checkProbes(container, where(subject, container), violations);
    }
    JsonNode podSecurity = podSpec.path("securityContext");
    allContainers(podSpec).forEach(
        container -> ContainerChecker.check(container, podSecurity, where(subject, container), violations));
    Set<String> configMaps = manifests.names("ConfigMap");
    for (String referenced : referencedConfigMaps(podSpec)) {
      if (!configMaps.contains(referenced)) {
        violations.add(subject + ": ConfigMap " + referenced + " is not in the rendering");
      }
    }
  }

  /** A Service to reach the pods, a budget for voluntary evictions, an autoscaler. */
  private static void checkCompanions(
      JsonNode deployment, String subject, Manifests manifests, List<String> violations) {
    Map<String, String> podLabels =
        strings(deployment.path("spec").path("template").path("metadata").path("labels"));
    if (manifests.ofKind("Service").stream()
        .noneMatch(service -> selects(service.path("spec").path("selector"), podLabels))) {
      violations.add(subject + ": no Service selects its pods");
    }
    if (manifests.ofKind("PodDisruptionBudget").stream()
        .noneMatch(budget -> selects(budget.path("spec").path("selector").path("matchLabels"), podLabels))) {
      violations.add(subject + ": no PodDisruptionBudget selects its pods");
    }
    if (manifests.ofKind("HorizontalPodAutoscaler").stream().noneMatch(hpa -> targets(hpa, deployment))) {
      violations.add(subject + ": no HorizontalPodAutoscaler targets it");
    }
  }

  private static void checkAutoscalers(Manifests manifests, List<String> violations) {
    for (JsonNode autoscaler : manifests.ofKind("HorizontalPodAutoscaler")) {
      int minReplicas = autoscaler.path("spec").path("minReplicas").asInt(1);
      if (minReplicas < 2) {
        violations.add("HorizontalPodAutoscaler " + Manifests.name(autoscaler)
            + ": minReplicas " + minReplicas + ", at least 2 required");
      }
    }
  }

  /** A ConfigMap handed to a container with envFrom is its environment: the same rules apply. */
  private static void checkConfigMaps(Manifests manifests, List<String> violations) {
    for (JsonNode configMap : manifests.ofKind("ConfigMap")) {
      String subject = "ConfigMap " + Manifests.name(configMap);
      configMap.path("data").propertyStream().forEach(entry -> {
        String value = entry.getValue().asString("");
        if (carriesCredentials(entry.getKey(), value)) {
          violations.add(subject + ": " + entry.getKey() + " must come from a Secret");
        }
        if (activatesLocalProfile(entry.getKey(), value)) {
          violations.add(subject + ": SPRING_PROFILES_ACTIVE activates the profile local");
        }
      });
    }
  }

  private void checkDataStore(Manifests manifests, String kind, String sizeField, List<String> violations) {
    List<JsonNode> stores = manifests.ofKind(kind);
    if (stores.isEmpty()) {
      violations.add("no " + kind + " in the rendering");
    }
    if (!dataStoresReplicated) {
      return;
    }
    for (JsonNode store : stores) {
      int size = store.path("spec").path(sizeField).asInt(1);
      if (size < 3 || size % 2 == 0) {
        violations.add(kind + " " + Manifests.name(store) + ": " + sizeField + " " + size
            + ", an odd number of at least 3 required");
      }
    }
  }

  private static boolean targets(JsonNode autoscaler, JsonNode deployment) {
    JsonNode target = autoscaler.path("spec").path("scaleTargetRef");
    return "Deployment".equals(target.path("kind").asString(""))
        && Manifests.name(deployment).equals(target.path("name").asString(""));
  }

  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    Map<String, String> wanted = strings(selector);
    return !wanted.isEmpty() && labels.entrySet().containsAll(wanted.entrySet());
  }

  private static List<String> referencedConfigMaps(JsonNode podSpec) {
    List<String> names = new ArrayList<>();
    allContainers(podSpec).forEach(container -> {
      for (JsonNode source : container.path("envFrom")) {
        addUnlessOptional(source.path("configMapRef"), names);
      }
      for (JsonNode variable : container.path("env")) {
        addUnlessOptional(variable.path("valueFrom").path("configMapKeyRef"), names);
      }
    });
    for (JsonNode volume : podSpec.path("volumes")) {
      addUnlessOptional(volume.path("configMap"), names);
    }
    return names;
  }

  private static void addUnlessOptional(JsonNode reference, List<String> names) {
    if (reference.isObject() && !reference.path("optional").asBoolean(false)) {
      names.add(reference.path("name").asString(""));
    }
  }

  private static Stream<JsonNode> allContainers(JsonNode podSpec) {
    return Stream.concat(
        podSpec.path("initContainers").valueStream(), podSpec.path("containers").valueStream());
  }

  private static String where(String subject, JsonNode container) {
    return subject + ", container " + container.path("name").asString("");
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new HashMap<>();
    object.propertyStream().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString("")));
    return map;
  }
}
