package cn.worksafety.gateway.problem;

import cn.worksafety.gateway.requestid.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last resort for errors no controller advice saw (no handler found, a failure in a filter):
 * still a problem document, and a 500 shows no internals, only the request id to quote.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
public class ProblemErrorHandler implements ErrorWebExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

  private final ProblemResponses problems;

  public ProblemErrorHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    String path = exchange.getRequest().getPath().value();
    HttpStatusCode status = error instanceof ErrorResponse known ? known.getStatusCode()
        : HttpStatus.INTERNAL_SERVER_ERROR;
    HttpStatus named = HttpStatus.resolve(status.value());
    String title = named == null ? "Error" : named.getReasonPhrase();
    if (status.is4xxClientError()) {
      String detail = ((ErrorResponse) error).getBody().getDetail();
      return problems.write(exchange, Problems.of(status, "http-" + status.value(), title, detail, path));
    }
    String requestId = exchange.getAttributeOrDefault(RequestIds.ATTRIBUTE, "-");
    log.error("{} {} failed with {} (requestId={})", exchange.getRequest().getMethod(), path, status.value(),
        requestId, error);
    return problems.write(exchange, status.value() == 500 ? Problems.internalError(requestId, path)
        : Problems.serverFault(status, "http-" + status.value(), title, requestId, path));
  }
}
