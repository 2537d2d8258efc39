package cn.worksafety.gateway.problem;

import java.util.List;

/** A request that breaks field rules; answered as a 400 problem listing every broken field. */
public class InvalidRequestException extends RuntimeException {
  private final List<FieldError> errors;

  public InvalidRequestException(List<FieldError> errors) {
    super("invalid request: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
