package cn.worksafety.gateway.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem {@code type} URIs spelled the same way as in every service. */
public final class Problems {
  private static final String BASE = "https://worksafety.cn/problems/";

  private Problems() {}

  public static URI type(String code) {
    return URI.create(BASE + code);
  }

  public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail, String instance) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(code));
    problem.setTitle(title);
    if (instance != null) {
      problem.setInstance(URI.create(instance));
    }
    return problem;
  }

  /** A service that is down, slow or behind an open breaker; a change may still have been applied. */
  public static ProblemDetail unavailable(String service, boolean read, String instance) {
    return of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
        "The " + service + " is unavailable or did not answer in time. Please try again shortly."
            + (read ? "" : " If this request was a change, check whether it took effect before repeating it."),
        instance);
  }

  /** A fault of the gateway's own: the request id lets whoever reports it find the log line. */
  public static ProblemDetail internalError(String requestId, String instance) {
    return serverFault(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error", requestId,
        instance);
  }

  /** A 5xx the caller cannot do anything about but report, with the request id that finds the log line. */
  public static ProblemDetail serverFault(HttpStatusCode status, String code, String title, String requestId,
      String instance) {
    return of(status, code, title,
        "The request could not be completed; quote request id " + requestId + " when reporting it.", instance);
  }

  public static ProblemDetail validation(List<FieldError> errors, String instance) {
    String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
        .orElse("the request is invalid");
    ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation-failed", "Invalid request", detail, instance);
    problem.setProperty("errors", errors);
    return problem;
  }
}
