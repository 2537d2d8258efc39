package cn.worksafety.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.platform.testing.TestHttp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes every operation it contains, so that an endpoint added without its
 * documentation fails here: a summary, problem answers with examples, examples for every body and
 * answer, descriptions for every query parameter, and the bearer scheme that guards them.
 */
class ApiDocumentationTest extends EnforcementIntegrationTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final String PROBLEM = "application/problem+json";

  private JsonNode document;

  @BeforeEach
  void fetch() {
    TestHttp.Response response = expect(http.get("/v3/api-docs", null), 200);
    document = response.json();
  }

  @Test
  void saysWhatTheServiceIsHowToCallItAndHowCallersAuthenticate() {
    JsonNode info = document.get("info");
    assertThat(info.get("title").asString()).contains("Enforcement").contains("执法");
    assertThat(info.get("version").asString()).isNotBlank();
    assertThat(info.get("description").asString()).contains("OFFICER", "SUPERVISOR", "CREDIT_ADMIN", "If-Match",
        "https://worksafety.cn/problems/");
    assertThat(document.get("servers").findValuesAsString("url")).contains("http://localhost:8080");

    JsonNode schemes = document.path("components").path("securitySchemes");
    assertThat(schemes.isObject()).as("security schemes").isTrue();
    List<String> bearer = new ArrayList<>();
    for (Map.Entry<String, JsonNode> scheme : schemes.properties()) {
      if ("http".equals(scheme.getValue().path("type").asString())
          && "bearer".equals(scheme.getValue().path("scheme").asString())
          && "JWT".equals(scheme.getValue().path("bearerFormat").asString())) {
        bearer.add(scheme.getKey());
      }
    }
    assertThat(bearer).as("a bearer JWT scheme").isNotEmpty();
    assertThat(document.get("security").get(0).has(bearer.get(0))).as("required by default").isTrue();
  }

  @Test
  void everyOperationIsDescribedWithItsProblemsAndExamples() {
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (!METHODS.contains(entry.getKey())) {
          continue;
        }
        operations++;
        String name = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonNode operation = entry.getValue();
        if (operation.path("summary").asString("").isBlank()) {
          missing.add(name + ": no summary");
        }
        if (operation.path("description").asString("").isBlank()) {
          missing.add(name + ": no description");
        }
        if (operation.path("tags").isEmpty()) {
          missing.add(name + ": no tag");
        }
        checkProblems(name, operation, missing);
        checkParameters(name, operation, missing);
        checkRequestBody(name, operation, missing);
        checkSuccess(name, operation, missing);
      }
    }
    assertThat(operations).as("operations in the document").isGreaterThan(0);
    assertThat(missing).as("undocumented parts of the API").isEmpty();
  }

  @Test
  void documentedProblemsLookLikeTheOnesTheServiceAnswers() {
    String caseId = UUID.randomUUID().toString();
    TestHttp.Response unauthorized = http.get("/api/enforcement/cases/" + caseId, null);
    TestHttp.Response notFound = http.get("/api/enforcement/cases/" + caseId, officer);
    TestHttp.Response invalid = http.post("/api/enforcement/cases", officer, Map.of());
    JsonNode read = document.get("paths").get("/api/enforcement/cases/{id}").get("get").get("responses");
    JsonNode file = document.get("paths").get("/api/enforcement/cases").get("post").get("responses");

    assertSameShape(unauthorized, 401, example(read, "401", "unauthorized"));
    assertSameShape(notFound, 404, example(read, "404", "case-not-found"));
    assertSameShape(invalid, 400, example(file, "400", "validation-failed"));
    assertThat(example(file, "400", "validation-failed").get("errors").toString())
        .as("the body's own fields").isEqualTo(invalid.json().get("errors").toString());

    String uscc = registerEnterprise(SHENZHEN, officer);
    TestHttp.Response nothingToChange = http.send("PATCH", "/api/enforcement/enterprises/" + uscc, officer, Map.of(),
        Map.of());
    JsonNode change = document.get("paths").get("/api/enforcement/enterprises/{uscc}").get("patch").get("responses");
    assertSameShape(nothingToChange, 400, example(change, "400", "validation-failed"));
    assertThat(example(change, "400", "validation-failed").get("errors").toString())
        .as("a rule across fields").isEqualTo(nothingToChange.json().get("errors").toString());
  }

  private static void assertSameShape(TestHttp.Response actual, int status, JsonNode documented) {
    assertThat(actual.status()).isEqualTo(status);
    assertThat(actual.header("Content-Type")).startsWith(PROBLEM);
    assertThat(names(documented)).as("members of the documented %s", status).isEqualTo(names(actual.json()));
    assertThat(documented.get("type").asString()).isEqualTo(actual.json().get("type").asString());
    assertThat(documented.get("title").asString()).isEqualTo(actual.json().get("title").asString());
  }

  private static JsonNode example(JsonNode responses, String status, String name) {
    return responses.get(status).get("content").get(PROBLEM).get("examples").get(name).get("value");
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new HashSet<>();
    object.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }

  private void checkProblems(String name, JsonNode operation, List<String> missing) {
    boolean any = false;
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (!response.getKey().startsWith("4")) {
        continue;
      }
      JsonNode media = response.getValue().path("content").path(PROBLEM);
      if (media.isMissingNode()) {
        missing.add(name + ": " + response.getKey() + " is not " + PROBLEM);
        continue;
      }
      any = true;
      if (!media.path("schema").path("$ref").asString("").endsWith("/ProblemDetail")) {
        missing.add(name + ": " + response.getKey() + " is not a ProblemDetail");
      }
      if (media.path("examples").isEmpty()) {
        missing.add(name + ": " + response.getKey() + " has no example");
      }
      for (JsonNode example : media.path("examples")) {
        JsonNode value = example.path("value");
        if (!value.path("type").asString("").startsWith("https://worksafety.cn/problems/")
            || !String.valueOf(value.path("status").asInt()).equals(response.getKey())) {
          missing.add(name + ": " + response.getKey() + " example is not a problem of that status: " + value);
        }
      }
    }
    if (!any) {
      missing.add(name + ": no 4xx problem response");
    }
  }

  private void checkParameters(String name, JsonNode operation, List<String> missing) {
    for (JsonNode parameter : operation.path("parameters")) {
      String label = name + ": " + parameter.path("in").asString() + " parameter " + parameter.path("name").asString();
      if (parameter.path("description").asString("").isBlank()) {
        missing.add(label + " has no description");
      }
      if ("query".equals(parameter.path("in").asString()) && !hasExample(parameter)
          && !hasExample(parameter.path("schema"))) {
        missing.add(label + " has no example");
      }
    }
  }

  private void checkRequestBody(String name, JsonNode operation, List<String> missing) {
    for (Map.Entry<String, JsonNode> media : operation.path("requestBody").path("content").properties()) {
      if (!hasExample(media.getValue()) && !exemplified(media.getValue().path("schema"), 0)) {
        missing.add(name + ": request body " + media.getKey() + " has no example");
      }
    }
  }

  private void checkSuccess(String name, JsonNode operation, List<String> missing) {
    for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
      if (!response.getKey().startsWith("2")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
        if (!media.getKey().contains("json")) {
          missing.add(name + ": " + response.getKey() + " answers " + media.getKey());
        }
        if (!hasExample(media.getValue()) && !exemplified(media.getValue().path("schema"), 0)) {
          missing.add(name + ": " + response.getKey() + " " + media.getKey() + " has no example");
        }
      }
    }
  }

  /** An example on the schema itself, on its items, or on every one of its properties. */
  private boolean exemplified(JsonNode schema, int depth) {
    JsonNode resolved = resolve(schema);
    if (resolved.isMissingNode() || depth > 10) {
      return false;
    }
    if (hasExample(resolved) || hasExample(schema)) {
      return true;
    }
    if (resolved.has("items")) {
      return exemplified(resolved.get("items"), depth + 1);
    }
    JsonNode properties = resolved.path("properties");
    if (!properties.isObject()) {
      return false;
    }
    for (JsonNode property : properties) {
      if (!exemplified(property, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asString("");
    if (ref.isEmpty()) {
      return schema;
    }
    return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  private static boolean hasExample(JsonNode node) {
    return node.has("example") || (node.has("examples") && !node.get("examples").isEmpty());
  }
}
