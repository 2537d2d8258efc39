package cn.worksafety.gateway.publicquery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The fast path's requests in {@code http.server.requests}, with the tags the WebFlux observation
 * gives the gateway's other requests, so dashboards and alerts see all traffic in one metric.
 */
@Component
class PublicRequestMetrics {
  static final String URI_TAG = "/api/public/**";

  private final MeterRegistry meters;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  PublicRequestMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  void record(HttpMethod method, int status, long nanos) {
    timers.computeIfAbsent(method.name() + status, key -> Timer.builder("http.server.requests")
        .tag("error", "none")
        .tag("exception", "none")
        .tag("method", method.name())
        .tag("outcome", outcome(status))
        .tag("status", Integer.toString(status))
        .tag("uri", URI_TAG)
        .register(meters)).record(nanos, TimeUnit.NANOSECONDS);
  }

  private static String outcome(int status) {
    HttpStatus.Series series = HttpStatus.Series.resolve(status);
    return series == null ? "UNKNOWN" : switch (series) {
      case INFORMATIONAL -> "INFORMATIONAL";
      case SUCCESSFUL -> "SUCCESS";
      case REDIRECTION -> "REDIRECTION";
      case CLIENT_ERROR -> "CLIENT_ERROR";
      case SERVER_ERROR -> "SERVER_ERROR";
    };
  }
}
