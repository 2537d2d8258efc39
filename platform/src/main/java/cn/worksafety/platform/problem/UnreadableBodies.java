package cn.worksafety.platform.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says in a user's words why a body could not be read, without echoing parser internals. */
final class UnreadableBodies {
  private UnreadableBodies() {}

  static String describe(HttpMessageNotReadableException e) {
    // A value Jackson hands to another parser (a date, a time) fails deeper down, with a cause that
    // knows nothing of the field: the field is on the Jackson exception that wraps it.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return "unknown field '" + unknown.getPropertyName() + "'";
      }
      if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
        return "field '" + path(bind) + "' has the wrong type or format";
      }
    }
    if (e.getMostSpecificCause() instanceof JacksonException) {
      return "the body is not valid JSON";
    }
    return "the body is missing or cannot be read";
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
