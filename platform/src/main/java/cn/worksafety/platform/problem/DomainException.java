package cn.worksafety.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule of the domain said no. Plain Java so that model code can throw it; the web layer turns it
 * into an RFC 9457 problem in one place ({@link ProblemDetailsAdvice}). {@code code} becomes the
 * stable problem {@code type}; {@code properties} become extension members (for example the allowed
 * next steps of a lifecycle).
 */
public class DomainException extends RuntimeException {
  private final ProblemKind kind;
  private final String code;
  private final Map<String, Object> properties = new LinkedHashMap<>();

  public DomainException(ProblemKind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public DomainException with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public ProblemKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public Map<String, Object> properties() {
    return Map.copyOf(properties);
  }

  /** A field-level refusal, reported like a validation failure: 400 with {@code errors}. */
  public static DomainException invalid(String field, String message) {
    return new DomainException(ProblemKind.INVALID, "validation-failed", field + ": " + message)
        .with("errors", java.util.List.of(new FieldError(field, message)));
  }

  public static DomainException notFound(String what, String id) {
    return new DomainException(ProblemKind.NOT_FOUND, "not-found", what + " " + id + " does not exist")
        .with("resource", what);
  }
}
