package cn.worksafety.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR;

import cn.worksafety.gateway.problem.ProblemResponses;
import cn.worksafety.gateway.publicquery.PublicAnswerCache;
import cn.worksafety.gateway.publicquery.PublicAnswerCachingFilter;
import cn.worksafety.gateway.problem.Problems;
import cn.worksafety.gateway.requestid.RequestIds;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when the service is down, slow or the breaker is open.
 * The forward keeps the original method, so this answers every method alike: a 503 problem, except
 * that a public read with a recent good answer gets that answer, marked with its time.
 */
@Configuration(proxyBeanMethods = false)
public class FallbackRoutes {
  private static final Logger log = LoggerFactory.getLogger(FallbackRoutes.class);

  /** Route id → the service behind it, as named in the problem's detail. */
  private static final Map<String, String> SERVICES = Map.of(
      "enforcement", "enforcement-service",
      "credit", "credit-service",
      PublicAnswerCachingFilter.PUBLIC_ROUTE, PublicAnswerCache.SERVICE);

  @Bean
  RouterFunction<ServerResponse> fallbackRouter(PublicAnswerCache publicAnswers) {
    return RouterFunctions.route(RequestPredicates.path("/fallback/{routeId}"),
        request -> fallback(request, publicAnswers));
  }

  private static Mono<ServerResponse> fallback(ServerRequest request, PublicAnswerCache publicAnswers) {
    String routeId = request.pathVariable("routeId");
    String service = SERVICES.get(routeId);
    if (service == null) {
      return ProblemResponses.response(Problems.of(HttpStatus.NOT_FOUND, "http-404", "Not Found",
          "There is no such fallback.", request.path()));
    }
    URI original = originalUrl(request);
    if (PublicAnswerCachingFilter.PUBLIC_ROUTE.equals(routeId) && isRead(request)) {
      Optional<PublicAnswerCache.Answer> kept = publicAnswers.last(PublicAnswerCache.keyOf(original));
      if (kept.isPresent()) {
        return keptAnswer(kept.get());
      }
    }
    String path = original.getRawPath();
    Throwable cause = request.exchange().getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    log.warn("{} unavailable for {} {} (requestId={}): {}", service, request.method(), path,
        request.exchange().getAttribute(RequestIds.ATTRIBUTE), cause == null ? "circuit open" : cause.toString());
    return ProblemResponses.response(Problems.unavailable(service, isRead(request), path));
  }

  private static boolean isRead(ServerRequest request) {
    return HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
  }

  /** The last good answer, marked with its time so the page can say the data may be out of date. */
  private static Mono<ServerResponse> keptAnswer(PublicAnswerCache.Answer answer) {
    ServerResponse.BodyBuilder response = ServerResponse.ok()
        .header(PublicAnswerCache.DATA_AS_OF_HEADER, answer.at().toString())
        .header(HttpHeaders.CACHE_CONTROL, PublicAnswerCache.KEPT_ANSWER_CACHE_CONTROL);
    if (answer.contentType() != null) {
      response.header(HttpHeaders.CONTENT_TYPE, answer.contentType());
    }
    return response.bodyValue(answer.body());
  }

  private static URI originalUrl(ServerRequest request) {
    Collection<URI> urls = request.exchange().getAttribute(GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
    return urls == null || urls.isEmpty() ? request.uri() : urls.iterator().next();
  }
}
