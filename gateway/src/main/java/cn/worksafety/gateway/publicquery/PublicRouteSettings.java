package cn.worksafety.gateway.publicquery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.FilterDefinition;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The public route as application.yml defines it (route {@code public}): where it goes, its circuit
 * breaker, its retries and its response timeout. Read from the route definition, bound by the
 * gateway's own binder, so the fast path and the route cannot drift apart.
 */
record PublicRouteSettings(URI uri, String breakerName, Set<String> breakerStatusCodes,
    RetryGatewayFilterFactory.RetryConfig retry, Duration responseTimeout) {

  static PublicRouteSettings from(GatewayProperties gateway, ConfigurationService binder,
      SpringCloudCircuitBreakerFilterFactory breakers, RetryGatewayFilterFactory retries) {
    RouteDefinition route = definition(gateway);
    SpringCloudCircuitBreakerFilterFactory.Config breaker = binder.with(breakers).name(breakers.name())
        .properties(filter(route, breakers.name()).getArgs()).bind();
    RetryGatewayFilterFactory.RetryConfig retry = binder.with(retries).name(retries.name())
        .properties(filter(route, retries.name()).getArgs()).bind();
    Object timeout = route.getMetadata().get("response-timeout");
    if (timeout == null) {
      throw new IllegalStateException("route 'public' needs metadata response-timeout (ms)");
    }
    return new PublicRouteSettings(route.getUri(), breaker.getName(), breaker.getStatusCodes(), retry,
        Duration.ofMillis(Long.parseLong(timeout.toString())));
  }

  /** Route {@code public} as application.yml defines it. */
  static RouteDefinition definition(GatewayProperties gateway) {
    return gateway.getRoutes().stream()
        .filter(r -> PublicAnswerCachingFilter.PUBLIC_ROUTE.equals(r.getId())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no route '" + PublicAnswerCachingFilter.PUBLIC_ROUTE + "'"));
  }

  private static FilterDefinition filter(RouteDefinition route, String name) {
    return route.getFilters().stream().filter(f -> name.equals(f.getName())).findFirst()
        .orElseThrow(() -> new IllegalStateException("route 'public' has no " + name + " filter"));
  }

  /** A service answer that counts against the breaker (and is not passed on). */
  boolean breakerCounts(int status) {
    HttpStatus known = HttpStatus.resolve(status); // a non-standard code (599) has no name
    return breakerStatusCodes.contains(Integer.toString(status))
        || known != null && breakerStatusCodes.contains(known.name());
  }

  /** Whether a request that has been tried {@code tries} times and failed so is tried again, as the route would. */
  boolean triesAgain(HttpMethod method, int tries, Throwable failure) {
    return retry.getMethods().contains(method) && tries <= retry.getRetries() && retryable(failure);
  }

  /**
   * How long to wait before try number {@code tries + 1}: the route's backoff without jitter, as
   * Reactor's {@code Retry.backoff} computes it (first, then times factor each time, at most max).
   */
  Duration backoffAfter(int tries) {
    RetryGatewayFilterFactory.BackoffConfig backoff = retry.getBackoff();
    if (backoff == null) {
      return Duration.ZERO;
    }
    Duration max = backoff.getMaxBackoff() == null ? backoff.getFirstBackoff() : backoff.getMaxBackoff();
    double millis = backoff.getFirstBackoff().toMillis() * Math.pow(backoff.getFactor(), tries - 1);
    return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
  }

  private boolean retryable(Throwable failure) {
    if (failure instanceof FailedStatus failed) {
      HttpStatus status = HttpStatus.resolve(failed.status());
      List<HttpStatus.Series> series = retry.getSeries();
      return status != null && (retry.getStatuses().contains(status) || series.contains(status.series()));
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      for (Class<? extends Throwable> retried : retry.getExceptions()) {
        if (retried.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The service answered with a status the route treats as a failure. */
  static final class FailedStatus extends RuntimeException {
    private final int status;

    FailedStatus(int status) {
      super("service answered " + status, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }
}
