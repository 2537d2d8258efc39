package cn.worksafety.gateway.publicquery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayMetricsFilter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The fast path's requests in the metrics that count the gateway's other requests, with the same
 * tags, so dashboards and alerts see all traffic: {@code http.server.requests} (as the WebFlux
 * observation tags it) and, when the gateway's route metrics are on, {@code
 * spring.cloud.gateway.requests} for route {@code public} (as Spring Cloud Gateway's metrics filter
 * tags it).
 */
@Component
class PublicRequestMetrics {
  static final String URI_TAG = "/api/public/**";

  private final MeterRegistry meters;
  /** Null when the gateway's route metrics are switched off. */
  private final String routeMetric;
  private final Tags routeTags;
  private final Map<String, Timer[]> timers = new ConcurrentHashMap<>();

  PublicRequestMetrics(MeterRegistry meters, GatewayProperties gateway,
      ObjectProvider<GatewayMetricsFilter> routeMetrics) {
    this.meters = meters;
    GatewayMetricsFilter filter = routeMetrics.getIfAvailable();
    this.routeMetric = filter == null ? null : filter.getMetricsPrefix() + ".requests";
    this.routeTags = Tags.of("routeId", PublicAnswerCachingFilter.PUBLIC_ROUTE,
        "routeUri", PublicRouteSettings.definition(gateway).getUri().toString());
  }

  void record(HttpMethod method, int status, long nanos) {
    for (Timer timer : timers.computeIfAbsent(method.name() + status, key -> timersFor(method, status))) {
      timer.record(nanos, TimeUnit.NANOSECONDS);
    }
  }

  private Timer[] timersFor(HttpMethod method, int status) {
    HttpStatus known = HttpStatus.resolve(status);
    Timer server = Timer.builder("http.server.requests")
        .tag("error", "none")
        .tag("exception", "none")
        .tag("method", method.name())
        .tag("outcome", outcome(known))
        .tag("status", Integer.toString(status))
        .tag("uri", URI_TAG)
        .register(meters);
    if (routeMetric == null) {
      return new Timer[] {server};
    }
    Timer route = meters.timer(routeMetric, routeTags.and(
        "outcome", known == null ? "CUSTOM" : known.series().name(),
        "status", known == null ? "CUSTOM" : known.name(),
        "httpStatusCode", Integer.toString(status),
        "httpMethod", method.name()));
    return new Timer[] {server, route};
  }

  private static String outcome(HttpStatus known) {
    return known == null ? "UNKNOWN" : switch (known.series()) {
      case INFORMATIONAL -> "INFORMATIONAL";
      case SUCCESSFUL -> "SUCCESS";
      case REDIRECTION -> "REDIRECTION";
      case CLIENT_ERROR -> "CLIENT_ERROR";
      case SERVER_ERROR -> "SERVER_ERROR";
    };
  }
}
