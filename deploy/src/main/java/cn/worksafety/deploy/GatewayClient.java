package cn.worksafety.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP against the gateway, the way a user's client would talk to it. */
final class GatewayClient {

  record Response(String method, String path, int status, String body) {
    JsonNode json() {
      return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    }
  }

  /** A response nobody expected; the message carries the problem details as the server sent them. */
  static final class ApiException extends RuntimeException {
    ApiException(String message) {
      super(message);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int ATTEMPTS = 5;

  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayClient(URI base) {
    this.base = base;
  }

  URI base() {
    return base;
  }

  /** A signed test token from the gateway's local-profile endpoint. */
  String token(String subject, List<String> roles, String region) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("roles", roles);
    if (region != null) {
      body.put("region", region);
    }
    Response response = post("/api/dev/tokens", body, null);
    expect(response, 200, 201);
    String token = response.json().path("token").asString("");
    if (token.isEmpty()) {
      throw new ApiException("POST /api/dev/tokens answered without a token: " + response.body());
    }
    return token;
  }

  /** GET, retried on connection failures, 429 and 502-504 (reads are safe to repeat). */
  Response get(String path, String token) {
    for (int attempt = 1; ; attempt++) {
      Response response;
      try {
        response = send("GET", path, null, token);
      } catch (ApiException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        pause(attempt);
        continue;
      }
      int status = response.status();
      if (attempt < ATTEMPTS && (status == 429 || status == 502 || status == 503 || status == 504)) {
        pause(attempt);
        continue;
      }
      return response;
    }
  }

  /** POST once: a write is never repeated blindly. */
  Response post(String path, Object body, String token) {
    return send("POST", path, JSON.writeValueAsString(body), token);
  }

  /** The response's JSON when its status is one of {@code expected}, else an ApiException. */
  static JsonNode expect(Response response, int... expected) {
    if (Arrays.stream(expected).noneMatch(status -> status == response.status())) {
      throw new ApiException(response.method() + " " + response.path() + " answered " + response.status()
          + ", expected " + Arrays.toString(expected) + ":\n" + pretty(response.body()));
    }
    return response.json();
  }

  private Response send(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json, application/problem+json")
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(method, path, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new ApiException(method + " " + base.resolve(path) + " failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(method + " " + path + " interrupted");
    }
  }

  private static String pretty(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    try {
      return JSON.readTree(body).toPrettyString();
    } catch (RuntimeException e) {
      return body;
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException("interrupted");
    }
  }
}
