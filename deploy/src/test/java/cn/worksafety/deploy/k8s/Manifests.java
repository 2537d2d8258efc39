package cn.worksafety.deploy.k8s;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** The Kubernetes objects of one rendering, looked up by kind. */
record Manifests(List<JsonNode> documents) {

  List<JsonNode> ofKind(String kind) {
    return documents.stream().filter(document -> kind.equals(document.path("kind").asString(""))).toList();
  }

  Set<String> names(String kind) {
    return ofKind(kind).stream().map(Manifests::name).collect(Collectors.toSet());
  }

  static String name(JsonNode object) {
    return object.path("metadata").path("name").asString("");
  }
}
