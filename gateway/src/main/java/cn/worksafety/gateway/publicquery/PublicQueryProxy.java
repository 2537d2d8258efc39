package cn.worksafety.gateway.publicquery;

import cn.worksafety.gateway.keepalive.OwnLoopStart;
import cn.worksafety.gateway.problem.Problems;
import cn.worksafety.gateway.ratelimit.RateLimiter;
import cn.worksafety.gateway.requestid.AccessLog;
import cn.worksafety.gateway.requestid.RequestIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The public query's fast path. Anonymous reads of {@code /api/public/**} are most of the gateway's
 * traffic, and through the WebFlux chain (security, gateway filters, observations) each costs about
 * twice the CPU credit-service spends answering it; here Reactor Netty hands them straight to
 * credit-service under the same rules as route {@code public}: the anonymous rate limit, the request
 * id and access-log line, its circuit breaker with bulkhead and time limit, its retries and response
 * timeout, the last good answer when credit-service is unavailable, the caller's trace continued.
 *
 * <p>Only GET and HEAD without a token and with a plain path (letters, digits, {@code -}, {@code _}
 * between slashes) take it; anything else on {@code /api/public} — a token to check, an encoded or
 * dot segment for the firewall to judge, another method — goes the ordinary way.
 */
@Component
public class PublicQueryProxy implements NettyRouteProvider {
  private static final Logger log = LoggerFactory.getLogger(PublicQueryProxy.class);
  private static final Pattern PLAIN_PATH = Pattern.compile("/api/public(?:/[A-Za-z0-9_-]+)*/?");
  private static final String PREFIX = "/api/public";
  private static final byte[] NOTHING = new byte[0];

  private final RateLimiter limiter;
  private final PublicAnswerCache answers;
  private final PublicRouteSettings route;
  private final ReactiveCircuitBreaker breaker;
  private final Map<HttpMethod, Retry> retries;
  private final HttpClient client;
  private final ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers;
  private final PublicRequestMetrics metrics;
  private final Tracer tracer;
  private final Propagator propagator;

  public PublicQueryProxy(RateLimiter limiter, PublicAnswerCache answers, GatewayProperties gateway,
      ConfigurationService binder, SpringCloudCircuitBreakerFilterFactory breakerFilters,
      RetryGatewayFilterFactory retryFilters, ReactiveCircuitBreakerFactory<?, ?> breakers, HttpClient gatewayClient,
      ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers, PublicRequestMetrics metrics,
      ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.limiter = limiter;
    this.answers = answers;
    this.route = PublicRouteSettings.from(gateway, binder, breakerFilters, retryFilters);
    this.breaker = breakers.create(route.breakerName());
    this.retries = Map.of(HttpMethod.GET, route.retryFor(HttpMethod.GET),
        HttpMethod.HEAD, route.retryFor(HttpMethod.HEAD));
    this.client = gatewayClient.responseTimeout(route.responseTimeout());
    this.loadBalancers = loadBalancers;
    this.metrics = metrics;
    this.tracer = tracer.getIfAvailable();
    this.propagator = propagator.getIfAvailable();
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.route(PublicQueryProxy::takes, this::handle);
  }

  static boolean takes(HttpServerRequest request) {
    String method = request.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    String uri = request.uri();
    if (!uri.startsWith(PREFIX) || request.requestHeaders().contains(HttpHeaderNames.AUTHORIZATION)) {
      return false;
    }
    return PLAIN_PATH.matcher(pathOf(uri)).matches();
  }

  private static String pathOf(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
    long start = System.nanoTime();
    HttpMethod method = HttpMethod.valueOf(request.method().name());
    String pathAndQuery = request.uri();
    String path = pathOf(pathAndQuery);
    String requestId = RequestIds.acceptOrCreate(request.requestHeaders().get(RequestIds.HEADER));
    Span span = startSpan(request.requestHeaders(), method);
    Mono<RateLimiter.Decision> checked = Mono.defer(() -> limiter.checkAnonymous(request.remoteAddress(), path));
    return OwnLoopStart.startOnOwnLoop(request, checked)
        .flatMap(decision -> {
          if (decision instanceof RateLimiter.Decision.Limited limited) {
            PublicAnswer refused = PublicAnswer.problem(limited.problem());
            refused.headers().set(HttpHeaderNames.RETRY_AFTER, limited.retryAfterSeconds())
                .set(RateLimiter.REMAINING_HEADER, 0);
            return Mono.just(refused);
          }
          return forward(request, method, pathAndQuery, path, requestId, span).doOnNext(answer -> {
            if (decision instanceof RateLimiter.Decision.Allowed allowed) {
              answer.headers().set(RateLimiter.REMAINING_HEADER, allowed.remaining());
            }
          });
        })
        .onErrorResume(e -> {
          log.error("public query {} failed (requestId={})", pathAndQuery, requestId, e);
          return Mono.just(PublicAnswer.problem(Problems.internalError(requestId, path)));
        })
        .flatMap(answer -> write(response, answer, method, requestId))
        .doFinally(signal -> {
          int status = response.status().code();
          AccessLog.write(method.name(), path, status, start, requestId);
          metrics.record(method, status, System.nanoTime() - start);
          if (span != null) {
            span.tag("http.response.status_code", Integer.toString(status)).end();
          }
        });
  }

  private Mono<PublicAnswer> forward(HttpServerRequest request, HttpMethod method, String pathAndQuery, String path,
      String requestId, Span span) {
    Mono<PublicAnswer> call = serviceBase()
        .flatMap(base -> client
            .headers(out -> copyRequestHeaders(request.requestHeaders(), out, requestId, span))
            .request(request.method())
            .uri(base + pathAndQuery)
            .responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(NOTHING)
                .map(bytes -> PublicAnswer.fromService(response, bytes))))
        .flatMap(answer -> route.breakerCounts(answer.status())
            ? Mono.<PublicAnswer>error(new PublicRouteSettings.FailedStatus(answer.status()))
            : Mono.just(answer))
        .retryWhen(retries.get(method));
    return breaker.run(call, failure -> Mono.just(fallback(method, pathAndQuery, path, requestId, failure)))
        .doOnNext(answer -> keepIfGood(method, pathAndQuery, answer));
  }

  private void keepIfGood(HttpMethod method, String pathAndQuery, PublicAnswer answer) {
    if (PublicAnswerCache.worthKeeping(method, answer.status(),
        answer.headers().contains(PublicAnswerCache.DATA_AS_OF_HEADER))) {
      answers.keep(pathAndQuery, answer.body(), answer.headers().get(HttpHeaderNames.CONTENT_TYPE));
    }
  }

  private PublicAnswer fallback(HttpMethod method, String pathAndQuery, String path, String requestId,
      Throwable failure) {
    var kept = answers.last(pathAndQuery);
    if (kept.isPresent()) {
      return PublicAnswer.kept(kept.get());
    }
    log.warn("{} unavailable for {} {} (requestId={}): {}", PublicAnswerCache.SERVICE, method, path, requestId,
        failure.toString());
    return PublicAnswer.problem(Problems.unavailable(PublicAnswerCache.SERVICE, true, path));
  }

  /** The service's base address: the route's, or with {@code lb://} one healthy instance's. */
  private Mono<String> serviceBase() {
    URI uri = route.uri();
    if (!"lb".equals(uri.getScheme())) {
      return Mono.just(uri.getScheme() + "://" + uri.getRawAuthority());
    }
    return Mono.from(loadBalancers.getObject().getInstance(uri.getHost()).choose())
        .filter(chosen -> chosen.hasServer())
        .map(chosen -> {
          URI instance = chosen.getServer().getUri();
          return instance.getScheme() + "://" + instance.getRawAuthority();
        })
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("no available instance of " + uri.getHost())));
  }

  private void copyRequestHeaders(HttpHeaders in, HttpHeaders out, String requestId, Span span) {
    for (Map.Entry<String, String> header : in) {
      String name = header.getKey().toLowerCase();
      if (!RemoveHopByHopHeadersFilter.HEADERS_REMOVED_ON_REQUEST.contains(name) && !name.equals("host")) {
        out.add(header.getKey(), header.getValue());
      }
    }
    out.set(RequestIds.HEADER, requestId);
    if (span != null) {
      propagator.inject(span.context(), out, HttpHeaders::set);
    }
  }

  /** A span for the hop, continuing the caller's trace or starting one, as the gateway's other routes do. */
  private Span startSpan(HttpHeaders incoming, HttpMethod method) {
    if (tracer == null || propagator == null) {
      return null;
    }
    return propagator.extract(incoming, HttpHeaders::get)
        .name("http " + method.name().toLowerCase() + " " + PREFIX + "/**")
        .kind(Span.Kind.SERVER)
        .start();
  }

  private static Mono<Void> write(HttpServerResponse response, PublicAnswer answer, HttpMethod method,
      String requestId) {
    response.status(answer.status()).headers(answer.headers()).header(RequestIds.HEADER, requestId);
    if (method == HttpMethod.HEAD) {
      return response.send().then();
    }
    return response.sendByteArray(Mono.just(answer.body())).then();
  }
}
