package cn.worksafety.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the benchmark starts (the store, a service), its output in a log file. */
final class Child {
  private final String name;
  private final Path log;
  private final Process process;

  private Child(String name, Path log, Process process) {
    this.name = name;
    this.log = log;
    this.process = process;
  }

  static Child start(String name, List<String> command, Map<String, String> env, Path workDir, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(env);
    return new Child(name, log, builder.start());
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  boolean alive() {
    return process.isAlive();
  }

  void awaitPort(int port, Duration timeout) throws InterruptedException {
    await(timeout, () -> portOpen(port), "port " + port);
  }

  void awaitHttp200(URI url, Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build();
    await(timeout, () -> {
      try {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
      } catch (IOException e) {
        return false;
      }
    }, url.toString());
  }

  private interface Check {
    boolean ok() throws InterruptedException;
  }

  private void await(Duration timeout, Check check, String what) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.ok()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log
            + "\n" + tail(30));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + ": " + what + " not ready after " + timeout.toSeconds()
            + " s; see " + log + "\n" + tail(30));
      }
      Thread.sleep(250);
    }
  }

  /** SIGTERM, then up to {@code grace} to finish, then SIGKILL. */
  String stop(Duration grace) throws InterruptedException {
    if (!process.isAlive()) {
      return "already stopped (exit " + process.exitValue() + ")";
    }
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return "stopped";
    }
    process.destroyForcibly();
    process.waitFor(5, TimeUnit.SECONDS);
    return "did not stop within " + grace.toSeconds() + " s, killed";
  }

  String tail(int lines) {
    try {
      List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
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

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
