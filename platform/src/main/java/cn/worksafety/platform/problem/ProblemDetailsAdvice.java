package cn.worksafety.platform.problem;

import cn.worksafety.platform.requestid.RequestIds;
import cn.worksafety.platform.web.BodySizeLimitFilter;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of every endpoint becomes an RFC 9457 problem here: domain refusals by their kind,
 * validation failures with per-field {@code errors}, unreadable bodies as 400, and anything
 * unexpected as a 500 that shows no internals (the request id ties it to the log).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e) {
    HttpStatus status = HttpStatus.valueOf(e.kind().status());
    ProblemDetail problem = Problems.of(status, e.code(), status.getReasonPhrase(), e.getMessage());
    e.properties().forEach(problem::setProperty);
    return respond(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem = validation(List.of(new FieldError(e.getName(), "has an invalid value")));
    return respond(problem);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    return raw(validation(List.of(new FieldError(field, "has an invalid value"))));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this request."));
  }

  @ExceptionHandler(AmqpException.class)
  ResponseEntity<ProblemDetail> brokerUnavailable(AmqpException e) {
    log.warn("message broker unavailable: {}", e.toString());
    return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Service Unavailable",
        "The message broker cannot be reached; nothing was changed. Try again shortly."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unexpected error", e);
    ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
        "Internal Server Error", "The request could not be completed; quote request id "
            + RequestIds.current().orElse("-") + " when reporting it.");
    return respond(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> new FieldError(f.getField(), f.isBindingFailure() ? "has an invalid value" : f.getDefaultMessage()))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    List<FieldError> global = e.getBindingResult().getGlobalErrors().stream()
        .map(g -> new FieldError(g.getObjectName(), g.getDefaultMessage())).toList();
    return raw(validation(concat(errors, global)));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // a body checked beside a constrained path variable comes here too: name its field, not the parameter
    List<FieldError> errors = e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
            err instanceof org.springframework.validation.FieldError field ? field.getField()
                : r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
        .sorted(Comparator.comparing(FieldError::field))
        .toList();
    return raw(validation(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return raw(BodySizeLimitFilter.tooLarge(tooLarge.limit()));
      }
    }
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
        UnreadableBodies.describe(e));
    return raw(problem);
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
    if (response != null && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(Problems.type("http-" + status.value()));
    }
    return response;
  }

  private static ProblemDetail validation(List<FieldError> errors) {
    ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request",
        errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
            .orElse("the request is invalid"));
    problem.setProperty("errors", errors);
    return problem;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static ResponseEntity<Object> raw(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }
}
