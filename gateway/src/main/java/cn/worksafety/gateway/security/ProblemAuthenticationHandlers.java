package cn.worksafety.gateway.security;

import cn.worksafety.gateway.problem.ProblemResponses;
import cn.worksafety.gateway.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 and 403 answered as problem details like every other error. */
@Component
public class ProblemAuthenticationHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {
  private final ProblemResponses problems;

  public ProblemAuthenticationHandlers(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
    boolean badToken = e instanceof InvalidBearerTokenException;
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
        badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
    String detail = badToken
        ? "The bearer token is invalid, expired or not signed by a trusted issuer."
        : "A valid bearer token is required.";
    return problems.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail,
        exchange.getRequest().getPath().value()));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException e) {
    return problems.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "Your role does not allow this request.", exchange.getRequest().getPath().value()));
  }
}
