package cn.worksafety.gateway.devtokens;

import cn.worksafety.gateway.problem.FieldError;
import cn.worksafety.gateway.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The field rules of a dev token request; rules depend on the roles, so they are checked here in one place. */
final class DevTokenRequestValidator {
  private static final Pattern REGION = Pattern.compile("\\d{6}");
  private static final Pattern DEPARTMENT = Pattern.compile("[a-z0-9-]{2,32}");
  private static final int MAX_SUBJECT_LENGTH = 64;

  private DevTokenRequestValidator() {}

  static List<FieldError> validate(DevTokenRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String subject = request.subject();
    if (subject == null || subject.isBlank()) {
      errors.add(new FieldError("subject", "is required"));
    } else if (subject.length() > MAX_SUBJECT_LENGTH) {
      errors.add(new FieldError("subject", "must be at most " + MAX_SUBJECT_LENGTH + " characters"));
    }

    List<Role> roles = new ArrayList<>();
    if (request.roles() == null || request.roles().isEmpty()) {
      errors.add(new FieldError("roles", "must name at least one role"));
    } else {
      for (int i = 0; i < request.roles().size(); i++) {
        String name = request.roles().get(i);
        Optional<Role> role = Role.parse(name);
        if (role.isPresent()) {
          roles.add(role.get());
        } else {
          errors.add(new FieldError("roles[" + i + "]",
              "unknown role '" + Objects.toString(name, "") + "'; one of OFFICER, SUPERVISOR, CREDIT_ADMIN, PARTNER"));
        }
      }
    }

    boolean regionRequired = roles.stream().anyMatch(Role::needsRegion);
    checkPattern(errors, "region", request.region(), REGION, regionRequired,
        "is required for OFFICER and SUPERVISOR", "must be a 6-digit GB/T 2260 region code");
    boolean departmentRequired = roles.stream().anyMatch(Role::needsDepartment);
    checkPattern(errors, "department", request.department(), DEPARTMENT, departmentRequired,
        "is required for PARTNER", "must match [a-z0-9-]{2,32}");
    return errors;
  }

  private static void checkPattern(List<FieldError> errors, String field, String value, Pattern pattern,
      boolean required, String missingMessage, String badMessage) {
    if (value == null || value.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, missingMessage));
      }
    } else if (!pattern.matcher(value).matches()) {
      errors.add(new FieldError(field, badMessage));
    }
  }
}
