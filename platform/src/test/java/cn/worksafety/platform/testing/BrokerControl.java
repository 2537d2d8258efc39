package cn.worksafety.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the local RabbitMQ node's application (the Erlang node stays up) with {@code
 * rabbitmqctl}, for tests of what a broker outage does. Needs the rights the Debian package's
 * commands need: root, or sudo without a password.
 */
public final class BrokerControl {
  private BrokerControl() {}

  public static void stop() {
    rabbitmqctl("stop_app");
  }

  /** Starts the application again and waits until it accepts connections. */
  public static void start() {
    rabbitmqctl("start_app");
    rabbitmqctl("await_startup");
  }

  private static void rabbitmqctl(String command) {
    List<String> line = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      line.addAll(List.of("sudo", "-n"));
    }
    line.add(Files.isExecutable(Path.of("/usr/sbin/rabbitmqctl")) ? "/usr/sbin/rabbitmqctl" : "rabbitmqctl");
    line.addAll(List.of("-q", command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", line) + " did not finish within 120 s");
      }
      String output = new String(process.getInputStream().readAllBytes());
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", line) + " failed (" + process.exitValue() + "): " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", line) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
