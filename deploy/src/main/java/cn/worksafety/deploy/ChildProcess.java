package cn.worksafety.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/** One process of the stack: started with its output in a log file, waited for, stopped. */
final class ChildProcess {

  /** Thrown when a child does not come up; the message says why. */
  static final class StartupFailure extends Exception {
    StartupFailure(String message) {
      super(message);
    }
  }

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  private final String name;
  private final List<String> command;
  private final Map<String, String> extraEnv;
  private final Path workDir;
  private final Path logFile;
  private Process process;

  ChildProcess(String name, List<String> command, Map<String, String> extraEnv, Path workDir, Path logFile) {
    this.name = name;
    this.command = List.copyOf(command);
    this.extraEnv = Map.copyOf(extraEnv);
    this.workDir = workDir;
    this.logFile = logFile;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logFile;
  }

  void start() throws IOException {
    Files.createDirectories(logFile.getParent());
    List<String> line = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      // A session of its own keeps the terminal's Ctrl-C away from the child, so that the local
      // stack alone decides the order of shutdown (store last). setsid execs in place: same pid.
      line.add(SETSID.toString());
    }
    line.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(line)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(extraEnv);
    process = builder.start();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  int exitCode() {
    return process.exitValue();
  }

  /** Waits until something accepts connections on 127.0.0.1:port. */
  void awaitPort(int port, Duration timeout) throws StartupFailure, InterruptedException {
    awaitCondition(timeout, () -> portOpen(port));
  }

  /** Waits until the Spring Boot readiness group answers {@code {"status":"UP"}}. */
  void awaitReadiness(URI url, Duration timeout) throws StartupFailure, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
    String[] lastAnswer = {"no answer"};
    try {
      awaitCondition(timeout, () -> {
        try {
          HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
          lastAnswer[0] = response.statusCode() + " " + abbreviate(response.body());
          return response.statusCode() == 200
              && "UP".equals(JSON.readTree(response.body()).path("status").asString(""));
        } catch (IOException | RuntimeException e) {
          return false; // not listening yet, or not JSON
        }
      });
    } catch (StartupFailure e) {
      throw process.isAlive()
          ? new StartupFailure(e.getMessage() + "; last answer from " + url + ": " + lastAnswer[0])
          : e;
    }
  }

  private static String abbreviate(String body) {
    String line = body.replaceAll("\\s+", " ").trim();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private interface Check {
    boolean ok() throws InterruptedException;
  }

  private void awaitCondition(Duration timeout, Check check) throws StartupFailure, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new StartupFailure(name + " exited with code " + process.exitValue());
      }
      if (check.ok()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new StartupFailure(name + " not ready after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(500);
    }
  }

  static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGTERM, up to {@code grace} to finish, then SIGKILL. Returns what happened, for printing. */
  String stop(Duration grace) throws InterruptedException {
    if (!isAlive()) {
      return "already stopped";
    }
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      int code = process.exitValue();
      // a JVM ending on SIGTERM exits with 128 + 15
      return code == 0 || code == 143 ? "stopped" : "stopped (exit " + code + ")";
    }
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
    return "did not stop within " + grace.toSeconds() + " s, killed";
  }

  /** SIGKILL at once: no shutdown hook, no graceful stop; what a crash or an OOM kill looks like. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The last lines of the log, for telling why a child failed. */
  List<String> tail(int lines) {
    try {
      // lenient decoding: a log may hold anything
      List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException | RuntimeException e) {
      return Collections.singletonList("(could not read " + logFile + ": " + e.getMessage() + ")");
    }
  }
}
