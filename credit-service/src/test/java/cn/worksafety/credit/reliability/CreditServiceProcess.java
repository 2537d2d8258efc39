package cn.worksafety.credit.reliability;

import cn.worksafety.credit.CreditApplication;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * credit-service in a process of its own, started from the test class path, so that a test can
 * kill it with SIGKILL the way a node failure would, and start another in its place.
 */
final class CreditServiceProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private CreditServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts it with {@code properties} on a free port and returns once it answers its health check. */
  static CreditServiceProcess start(String name, Map<String, String> properties) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path")));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(List.of("-Dserver.port=" + port, "-Dspring.main.banner-mode=off", CreditApplication.class.getName()));
    Path log = Path.of("target", name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    CreditServiceProcess started = new CreditServiceProcess(process, log);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    started.awaitHealthy(port);
    return started;
  }

  /** SIGKILL: no shutdown hook, no clean close of connections; waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      kill();
    }
  }

  private void awaitHealthy(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("credit-service exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    kill();
    throw new IllegalStateException("credit-service did not become healthy within 90 s; see " + log.toAbsolutePath()
        + File.separator);
  }
}
