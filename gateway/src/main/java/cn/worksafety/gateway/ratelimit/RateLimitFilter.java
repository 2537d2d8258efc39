package cn.worksafety.gateway.ratelimit;

import cn.worksafety.gateway.problem.ProblemResponses;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits API requests per client ({@link ClientKey}); runs after the security chain (order −100) so
 * it knows who is calling. Over the limit: 429 problem with {@code Retry-After}.
 */
@Component
@Order(0)
public class RateLimitFilter implements WebFilter {
  private final RateLimiter limiter;
  private final ProblemResponses problems;

  public RateLimitFilter(RateLimiter limiter, ProblemResponses problems) {
    this.limiter = limiter;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(a -> !(a instanceof AnonymousAuthenticationToken))
        .map(Optional::of)
        .defaultIfEmpty(Optional.<Authentication>empty())
        .flatMap(caller -> ClientKey.of(exchange, caller.orElse(null))
            .map(client -> limit(client, exchange, chain))
            .orElseGet(() -> chain.filter(exchange)));
  }

  private Mono<Void> limit(ClientKey client, ServerWebExchange exchange, WebFilterChain chain) {
    return limiter.check(client, exchange.getRequest().getPath().value()).flatMap(decision -> {
      HttpHeaders headers = exchange.getResponse().getHeaders();
      if (decision instanceof RateLimiter.Decision.Limited limited) {
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        headers.set(RateLimiter.REMAINING_HEADER, "0");
        return problems.write(exchange, limited.problem());
      }
      if (decision instanceof RateLimiter.Decision.Allowed allowed) {
        headers.set(RateLimiter.REMAINING_HEADER, Long.toString(allowed.remaining()));
      }
      return chain.filter(exchange);
    });
  }
}
