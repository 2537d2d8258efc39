package cn.worksafety.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Errors of the gateway's own endpoints as RFC 9457 problems with this system's {@code type} URIs. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e, ServerWebExchange exchange) {
    return ResponseEntity.badRequest()
        .body(Problems.validation(e.errors(), exchange.getRequest().getPath().value()));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException e, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
        describe(e), exchange.getRequest().getPath().value());
    return Mono.just(ResponseEntity.badRequest().body(problem));
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, ServerWebExchange exchange) {
    return super.handleExceptionInternal(e, body, headers, status, exchange).map(response -> {
      if (response.getBody() instanceof ProblemDetail problem
          && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
        problem.setType(Problems.type("http-" + status.value()));
      }
      return response;
    });
  }

  /** Says why a body could not be read without echoing parser internals. */
  private static String describe(ServerWebInputException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
      String field = bind.getPath().get(bind.getPath().size() - 1).getPropertyName();
      return (field == null ? "a field" : "field '" + field + "'") + " has the wrong type or format";
    }
    if (cause instanceof JacksonException) {
      return "the body is not valid JSON";
    }
    return "the body is missing or cannot be read";
  }
}
