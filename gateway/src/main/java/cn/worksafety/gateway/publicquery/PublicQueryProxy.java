package cn.worksafety.gateway.publicquery;

import cn.worksafety.gateway.problem.Problems;
import cn.worksafety.gateway.ratelimit.RateLimiter;
import cn.worksafety.gateway.requestid.RequestIds;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.ForwardedHeaderUtils;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The public query's fast path. Anonymous reads of {@code /api/public/**} are most of the gateway's
 * traffic, and through the WebFlux chain (security, gateway filters, observations) each cost about
 * twice the CPU credit-service spends answering it. Here Netty hands them straight to credit-service
 * ({@link PublicFastPath} in front of Reactor Netty, {@link ServiceConnections} on the same event
 * loop) under the same rules as route {@code public}: the anonymous rate limit, the request id and
 * access-log line, its circuit breaker, bulkhead and time limit, its retries and response timeout
 * ({@link PublicCall}), the last good answer when credit-service is unavailable, the caller's trace
 * continued, the same metrics.
 *
 * <p>Only GET and HEAD without a token, without a body and with a plain path (letters, digits,
 * {@code -}, {@code _} between slashes) take it; anything else on {@code /api/public} — a token to
 * check, an encoded or dot segment for the firewall to judge, another method — goes the ordinary way.
 */
@Component
public class PublicQueryProxy implements NettyServerCustomizer, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(PublicQueryProxy.class);
  private static final Pattern PLAIN_PATH = Pattern.compile("/api/public(?:/[A-Za-z0-9_-]+)*/?");
  private static final String PREFIX = "/api/public";
  private static final String FORWARDED = "Forwarded";
  private static final String X_FORWARDED_FOR = "X-Forwarded-For";

  private final RateLimiter limiter;
  private final PublicAnswerCache answers;
  private final PublicRouteSettings route;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;
  private final Duration timeLimit;
  private final ServiceConnections connections;
  private final ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers;
  private final PublicRequestMetrics metrics;
  private final FastPathDrain drain;
  private final Tracer tracer;
  private final Propagator propagator;
  /** Off for a route to an {@code https} address: this path speaks plain HTTP to the service. */
  private final boolean on;
  /** Every try's target when the route names one plain-HTTP address; otherwise null (with {@code lb://} chosen per try). */
  private final CompletableFuture<PublicCall.Target> fixedTarget;
  /** Whether the server takes the client's address from {@code Forwarded} / {@code X-Forwarded-For}. */
  private volatile boolean forwardedTrusted;

  public PublicQueryProxy(RateLimiter limiter, PublicAnswerCache answers, GatewayProperties gateway,
      ConfigurationService binder, SpringCloudCircuitBreakerFilterFactory breakerFilters,
      RetryGatewayFilterFactory retryFilters, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
      TimeLimiterRegistry timeLimiters, ReactorResourceFactory resources, HttpClientProperties clientSettings,
      ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> loadBalancers, PublicRequestMetrics metrics,
      FastPathDrain drain, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    this.limiter = limiter;
    this.answers = answers;
    this.route = PublicRouteSettings.from(gateway, binder, breakerFilters, retryFilters);
    // The same instances the route's filter uses: one breaker state and one bulkhead for both paths.
    // Whichever path comes first creates the breaker; tagged as Spring Cloud CircuitBreaker tags it.
    String name = route.breakerName();
    this.breaker = breakers.circuitBreaker(name, breakers.getDefaultConfig(), Map.of("group", name));
    this.bulkhead = bulkheads.bulkhead(name);
    this.timeLimit = timeLimiters.find(name).map(TimeLimiter::getTimeLimiterConfig)
        .or(() -> timeLimiters.getConfiguration(name)).orElse(timeLimiters.getDefaultConfig()).getTimeoutDuration();
    log.info("public fast path: time limit {} ms, response timeout {} ms", timeLimit.toMillis(),
        route.responseTimeout().toMillis());
    this.connections = ServiceConnections.configuredAs(clientSettings, resources.getLoopResources());
    this.loadBalancers = loadBalancers;
    this.metrics = metrics;
    this.drain = drain;
    this.on = !"https".equalsIgnoreCase(route.uri().getScheme());
    this.fixedTarget = "http".equals(route.uri().getScheme())
        ? CompletableFuture.completedFuture(targetOf(route.uri())) : null;
    if (!on) {
      log.info("route public goes to {}: the public fast path is off, public reads take the ordinary route",
          route.uri());
    }
    this.tracer = tracer.getIfAvailable();
    this.propagator = propagator.getIfAvailable();
  }

  @Override
  public HttpServer apply(HttpServer server) {
    forwardedTrusted = server.configuration().isForwarded();
    return server.doOnChannelInit((observer, channel, remote) -> {
      if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
        channel.pipeline().addAfter(NettyPipeline.HttpCodec, PublicFastPath.NAME, new PublicFastPath(this));
      }
    });
  }

  @Override
  public void destroy() {
    connections.close();
  }

  /** Whether this path answers the request: see the class comment (and {@link FastPathDrain}). */
  boolean takes(HttpRequest request) {
    return on && !drain.draining() && isPlainPublicRead(request);
  }

  private static boolean isPlainPublicRead(HttpRequest request) {
    String method = request.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    String uri = request.uri();
    if (!uri.startsWith(PREFIX) || request.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
      return false;
    }
    return PLAIN_PATH.matcher(pathOf(uri)).matches() && carriesNoBody(request);
  }

  private static boolean carriesNoBody(HttpRequest request) {
    return !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0
        && !request.headers().contains(HttpHeaderNames.EXPECT);
  }

  private static String pathOf(String uri) {
    int query = uri.indexOf('?');
    return query < 0 ? uri : uri.substring(0, query);
  }

  /** Answers a request this path takes; {@code send} is called once, on the connection's loop. */
  void answer(ChannelHandlerContext ctx, HttpRequest request, Consumer<PublicAnswer> send) {
    String path = pathOf(request.uri());
    String requestId = RequestIds.acceptOrCreate(request.headers().get(RequestIds.HEADER));
    PublicExchange exchange = new PublicExchange(ctx, request, path, requestId,
        startSpan(request.headers(), request.method().name()), send, metrics, drain);
    InetSocketAddress client;
    try {
      client = clientAddress(request, (InetSocketAddress) ctx.channel().remoteAddress());
    } catch (IllegalArgumentException e) {
      exchange.answer(PublicAnswer.problem(Problems.of(HttpStatus.BAD_REQUEST, "malformed-header",
          "Malformed request header", "The Forwarded or X-Forwarded-For header does not name a client address: "
              + e.getMessage(), path)));
      return;
    }
    try {
      limiter.checkAnonymous(client, path).subscribe(
          decision -> exchange.onLoop(() -> guarded(exchange, () -> decided(exchange, decision))),
          failure -> exchange.onLoop(() -> broken(exchange, failure)));
    } catch (RuntimeException e) {
      broken(exchange, e);
    }
  }

  private void decided(PublicExchange exchange, RateLimiter.Decision decision) {
    if (decision instanceof RateLimiter.Decision.Limited limited) {
      PublicAnswer refused = PublicAnswer.problem(limited.problem());
      refused.headers().set(HttpHeaderNames.RETRY_AFTER, limited.retryAfterSeconds())
          .set(RateLimiter.REMAINING_HEADER, 0);
      exchange.answer(refused);
      return;
    }
    new PublicCall(exchange.loop(), exchange.method, route, breaker, bulkhead, connections, this::target,
        target -> serviceRequest(exchange, target))
        .run(timeLimit)
        .whenComplete((answer, failure) -> guarded(exchange, () -> {
          PublicAnswer given = failure == null ? answer : fallback(exchange, failure);
          if (failure == null) {
            keepIfGood(exchange.method, exchange.pathAndQuery, given);
          }
          if (decision instanceof RateLimiter.Decision.Allowed allowed) {
            given.headers().set(RateLimiter.REMAINING_HEADER, allowed.remaining());
          }
          exchange.answer(given);
        }));
  }

  private static void guarded(PublicExchange exchange, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      broken(exchange, e);
    }
  }

  private static void broken(PublicExchange exchange, Throwable failure) {
    log.error("public query {} failed (requestId={})", exchange.pathAndQuery, exchange.requestId, failure);
    exchange.answer(PublicAnswer.problem(Problems.internalError(exchange.requestId, exchange.path)));
  }

  private void keepIfGood(HttpMethod method, String pathAndQuery, PublicAnswer answer) {
    if (PublicAnswerCache.worthKeeping(method, answer.status(),
        answer.headers().contains(PublicAnswerCache.DATA_AS_OF_HEADER))) {
      answers.keep(pathAndQuery, answer.body(), answer.headers().get(HttpHeaderNames.CONTENT_TYPE));
    }
  }

  private PublicAnswer fallback(PublicExchange exchange, Throwable failure) {
    var kept = answers.last(exchange.pathAndQuery);
    if (kept.isPresent()) {
      return PublicAnswer.kept(kept.get());
    }
    log.warn("{} unavailable for {} {} (requestId={}): {}", PublicAnswerCache.SERVICE, exchange.method,
        exchange.path, exchange.requestId, failure.toString());
    return PublicAnswer.problem(Problems.unavailable(PublicAnswerCache.SERVICE, true, exchange.path));
  }

  /** Where the next try goes: the route's address, or with {@code lb://} one healthy instance's. */
  private CompletableFuture<PublicCall.Target> target() {
    if (fixedTarget != null) {
      return fixedTarget;
    }
    URI uri = route.uri();
    if (!"lb".equals(uri.getScheme())) {
      return CompletableFuture.completedFuture(targetOf(uri));
    }
    return Mono.from(loadBalancers.getObject().getInstance(uri.getHost()).choose())
        .filter(chosen -> chosen.hasServer())
        .map(chosen -> targetOf(chosen.getServer().getUri()))
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("no available instance of " + uri.getHost())))
        .toFuture();
  }

  private static PublicCall.Target targetOf(URI uri) {
    if (!"http".equals(uri.getScheme())) {
      throw new IllegalStateException("the public fast path speaks plain HTTP to the service, not " + uri);
    }
    int port = uri.getPort() < 0 ? 80 : uri.getPort();
    return new PublicCall.Target(InetSocketAddress.createUnresolved(uri.getHost(), port), uri.getRawAuthority());
  }

  private FullHttpRequest serviceRequest(PublicExchange exchange, PublicCall.Target target) {
    HttpRequest request = exchange.request;
    FullHttpRequest out = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(), request.uri(),
        Unpooled.EMPTY_BUFFER);
    copyRequestHeaders(request.headers(), out.headers(), exchange.requestId, exchange.span);
    out.headers().set(HttpHeaderNames.HOST, target.authority());
    return out;
  }

  /** The client's address; with trusted forwarded headers, the one they name ({@link IllegalArgumentException} if they name none). */
  private InetSocketAddress clientAddress(HttpRequest request, InetSocketAddress remote) {
    if (!forwardedTrusted) {
      return remote;
    }
    String forwarded = request.headers().get(FORWARDED);
    String forwardedFor = request.headers().get(X_FORWARDED_FOR);
    if (forwarded == null && forwardedFor == null) {
      return remote;
    }
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    if (forwarded != null) {
      headers.set(FORWARDED, forwarded);
    }
    if (forwardedFor != null) {
      headers.set(X_FORWARDED_FOR, forwardedFor);
    }
    InetSocketAddress client = ForwardedHeaderUtils.parseForwardedFor(URI.create("http://gateway/"), headers, remote);
    return client == null ? remote : client;
  }

  private void copyRequestHeaders(HttpHeaders in, HttpHeaders out, String requestId, Span span) {
    EndToEndHeaders.copyRequest(in, out);
    out.set(RequestIds.HEADER, requestId);
    if (span != null) {
      propagator.inject(span.context(), out, HttpHeaders::set);
    }
  }

  /** A span for the hop, continuing the caller's trace or starting one, as the gateway's other routes do. */
  private Span startSpan(HttpHeaders incoming, String method) {
    if (tracer == null || propagator == null) {
      return null;
    }
    return propagator.extract(incoming, HttpHeaders::get)
        .name("http " + method.toLowerCase() + " " + PREFIX + "/**")
        .kind(Span.Kind.SERVER)
        .start();
  }
}
