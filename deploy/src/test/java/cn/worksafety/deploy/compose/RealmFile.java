package cn.worksafety.deploy.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What Keycloak's realm import file must hold for the services: the four roles, and tokens that carry
 * {@code roles}, {@code region} and {@code department} as top-level claims; and what it must not: a
 * password or secret written out. Keycloak replaces {@code ${NAME}} with the environment variable
 * NAME at import, so a credential is such a placeholder, and NAME must be in Keycloak's environment
 * (otherwise the placeholder itself would become the password).
 */
final class RealmFile {
  static final List<String> ROLES = List.of("OFFICER", "SUPERVISOR", "CREDIT_ADMIN", "PARTNER");
  static final List<String> ATTRIBUTE_CLAIMS = List.of("region", "department");
  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");
  private static final Set<String> SECRET_FIELDS = Set.of("password", "secret", "value", "secretData",
      "hashedSaltedValue");

  private RealmFile() {}

  static List<String> violations(JsonNode realm, String file, Set<String> keycloakEnvironment) {
    List<String> violations = new ArrayList<>();
    List<String> declared = realm.path("roles").path("realm").valueStream()
        .map(role -> role.path("name").asString("")).toList();
    for (String role : ROLES) {
      if (!declared.contains(role)) {
        violations.add(file + ": realm role " + role + " is not declared");
      }
    }
    if (mappers(realm).noneMatch(RealmFile::putsRolesClaim)) {
      violations.add(file + ": no protocol mapper puts the realm roles into a multivalued access-token claim roles");
    }
    for (String claim : ATTRIBUTE_CLAIMS) {
      if (mappers(realm).noneMatch(mapper -> putsAttributeClaim(mapper, claim))) {
        violations.add(file + ": no protocol mapper puts the user attribute " + claim
            + " into the access-token claim " + claim);
      }
    }
    checkSecrets(realm, file, keycloakEnvironment, violations);
    return violations;
  }

  private static Stream<JsonNode> mappers(JsonNode realm) {
    return Stream.concat(realm.path("clients").valueStream(), realm.path("clientScopes").valueStream())
        .flatMap(holder -> holder.path("protocolMappers").valueStream());
  }

  private static boolean putsRolesClaim(JsonNode mapper) {
    JsonNode config = mapper.path("config");
    return "oidc-usermodel-realm-role-mapper".equals(mapper.path("protocolMapper").asString(""))
        && "roles".equals(config.path("claim.name").asString(""))
        && "true".equals(config.path("multivalued").asString(""))
        && "true".equals(config.path("access.token.claim").asString(""));
  }

  private static boolean putsAttributeClaim(JsonNode mapper, String claim) {
    JsonNode config = mapper.path("config");
    return "oidc-usermodel-attribute-mapper".equals(mapper.path("protocolMapper").asString(""))
        && claim.equals(config.path("user.attribute").asString(""))
        && claim.equals(config.path("claim.name").asString(""))
        && "true".equals(config.path("access.token.claim").asString(""));
  }

  /** Every credential of every user, and every field named like a secret anywhere, is a placeholder. */
  private static void checkSecrets(JsonNode node, String file, Set<String> environment, List<String> violations) {
    if (node.isArray()) {
      node.valueStream().forEach(item -> checkSecrets(item, file, environment, violations));
      return;
    }
    node.propertyStream().forEach(field -> {
      JsonNode value = field.getValue();
      if (value.isContainer()) {
        checkSecrets(value, file, environment, violations);
      } else if (holdsSecret(node, field.getKey())) {
        Matcher placeholder = PLACEHOLDER.matcher(value.asString(""));
        if (!placeholder.matches()) {
          violations.add(file + ": " + field.getKey() + " holds a literal value; write a ${NAME} placeholder");
        } else if (!environment.contains(placeholder.group(1))) {
          violations.add(file + ": ${" + placeholder.group(1) + "} is not in the Keycloak service's environment");
        }
      }
    });
  }

  /** "value" is a secret in a credential (it has a "type"), a plain setting elsewhere. */
  private static boolean holdsSecret(JsonNode owner, String field) {
    if (!SECRET_FIELDS.contains(field)) {
      return false;
    }
    return !field.equals("value") || owner.has("type");
  }
}
