package cn.worksafety.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Calls the service directly (not through the gateway) with tokens signed by the shared local key. */
final class ServiceApi {
  static final String ISSUER = "safety-credit-local";

  /** One answer: status, ETag and body, and how long it took from sending to the last byte read. */
  record Answer(int status, String etag, String body, long nanos) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient http;
  private final URI base;
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);

  /** Who calls: each role has a token of its own. */
  enum Role { OFFICER, SUPERVISOR, CREDIT_ADMIN }

  ServiceApi(URI base, String secret, String region) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    this.base = base;
    for (Role role : Role.values()) {
      tokens.put(role, sign("bench-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-'), role.name(), region,
          secret));
    }
  }

  Answer post(String path, String json, String ifMatch, Role role) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.get(role))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  Answer get(String path, Role role) {
    return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + tokens.get(role)).GET());
  }

  private Answer send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - start;
      return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
          response.body(), took);
    } catch (IOException e) {
      return new Answer(-1, null, e.toString(), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, null, "interrupted", System.nanoTime() - start);
    }
  }

  String get(String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode());
    }
    return response.body();
  }

  /** An HS256 JWT as the gateway's local profile signs them (header, claims, HMAC-SHA256). */
  private static String sign(String subject, String role, String region, String secret) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    String claims = "{\"sub\":\"" + subject + "\",\"roles\":[\"" + role + "\"],\"region\":\"" + region
        + "\",\"iss\":\"" + ISSUER + "\",\"iat\":" + now + ",\"exp\":" + (now + Duration.ofHours(12).toSeconds())
        + "}";
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String unsigned = base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return unsigned + "." + base64.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
