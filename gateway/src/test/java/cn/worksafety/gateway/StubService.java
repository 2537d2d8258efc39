package cn.worksafety.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for a service behind the gateway: answers every path with a small
 * JSON body after {@link #delay}, or with {@link #status} when set to a failure, and counts requests.
 */
final class StubService implements AutoCloseable {
  private final HttpServer server;
  final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
  final AtomicInteger status = new AtomicInteger(200);
  final AtomicInteger requests = new AtomicInteger();

  StubService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try {
      Thread.sleep(delay.get().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\",\"served\":"
        + System.nanoTime() + "}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status.get(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
