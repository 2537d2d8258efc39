package cn.worksafety.gateway.requestid;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes or makes the request id before anything else (security included) runs, so it reaches the
 * services with the routed request, comes back on every answer (401s and fallbacks too) and is in the
 * one access-log line written per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter implements WebFilter {
  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    String id = RequestIds.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
    ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(RequestIds.HEADER, id)).build();
    ServerWebExchange withId = exchange.mutate().request(request).build();
    withId.getAttributes().put(RequestIds.ATTRIBUTE, id);
    withId.getResponse().beforeCommit(() -> {
      withId.getResponse().getHeaders().set(RequestIds.HEADER, id);
      return Mono.empty();
    });
    return chain.filter(withId)
        .doFinally(signal -> log(withId, id, start));
  }

  private static void log(ServerWebExchange exchange, String id, long start) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    AccessLog.write(exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
        status == null ? null : status.value(), start, id);
  }
}
