package cn.worksafety.deploy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of several gateways, as a load balancer in front of them would be: requests go round the
 * gateways, and one that refuses the connection is skipped (nothing was sent, so that is safe for
 * any request) and passed over for a few seconds. A request cut off after it was sent gets {@link #UNKNOWN}: whether it was applied
 * is for the caller to find out.
 */
final class Gateways {
  /** The status of an answer that never came: the request may or may not have been applied. */
  static final int UNKNOWN = 0;
  private static final JsonMapper JSON = RunningSystem.JSON;
  private static final Duration DOWN_FOR = Duration.ofSeconds(5);

  /** An answer: its status and its body read as JSON (missing when it was not JSON). */
  record Answer(int status, JsonNode body) {
    boolean ok() {
      return status / 100 == 2;
    }

    /** 5xx or no answer: the outcome is not known. */
    boolean unsure() {
      return status == UNKNOWN || status >= 500;
    }
  }

  private final List<String> uris;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLongArray downUntil;

  Gateways(List<String> uris) {
    this.uris = List.copyOf(uris);
    this.downUntil = new AtomicLongArray(uris.size());
  }

  Answer send(String method, String path, String token, Object body) throws InterruptedException {
    for (int tried = 0; tried < uris.size() * 3; tried++) {
      int chosen = choose();
      String gateway = uris.get(chosen);
      try {
        HttpResponse<String> response = http.send(RunningSystem.request(method, gateway + path, token, body),
            HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), parse(response.body()));
      } catch (ConnectException e) {
        downUntil.set(chosen, System.nanoTime() + DOWN_FOR.toNanos());
        Thread.sleep(100);
      } catch (IOException e) {
        return new Answer(UNKNOWN, JSON.missingNode());
      }
    }
    return new Answer(UNKNOWN, JSON.missingNode());
  }

  /** A read, repeated until it answers 2xx: reads are safe to repeat. */
  JsonNode read(String path, String token) throws InterruptedException {
    Answer last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      last = send("GET", path, token, null);
      if (last.ok()) {
        return last.body();
      }
      if (!last.unsure()) {
        throw new AssertionError("GET " + path + " → " + last.status() + " " + last.body());
      }
      Thread.sleep(250);
    }
    throw new AssertionError("GET " + path + " did not answer: " + last.status() + " " + last.body());
  }

  /** The next gateway in turn, passing over one that refused a connection lately (unless all did). */
  private int choose() {
    long now = System.nanoTime();
    int first = Math.floorMod(next.getAndIncrement(), uris.size());
    for (int i = 0; i < uris.size(); i++) {
      int candidate = (first + i) % uris.size();
      if (downUntil.get(candidate) - now <= 0) {
        return candidate;
      }
    }
    return first;
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
    } catch (RuntimeException e) {
      return JSON.missingNode();
    }
  }
}
