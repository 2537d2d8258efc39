package cn.worksafety.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.worksafety.deploy.compose.Interpolation.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Docker Compose deployment (deploy/compose), checked without a Docker engine: what compose would
 * run, and what the files it mounts and builds from hold.
 */
class ComposeFileTest {
  /** The test runs in the deploy module's directory. */
  private static final Path COMPOSE_DIRECTORY = Path.of("compose");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void theComposeFileAndTheFilesItUsesHoldWhatTheyMust() throws IOException {
    JsonNode compose = YAML.readTree(Files.readString(COMPOSE_DIRECTORY.resolve("compose.yaml")));

    assertThat(ComposeFileChecker.violations(compose, ComposeFiles.in(COMPOSE_DIRECTORY))).isEmpty();
  }

  @Test
  void aBrokenComposeFileIsReportedOnEveryCheck() {
    JsonNode compose = YAML.readTree(BROKEN_COMPOSE);

    assertThat(ComposeFileChecker.violations(compose, ComposeFiles.of(BROKEN_FILES))).containsExactlyInAnyOrder(
        "db: long-running, but has no healthcheck",
        "db: MONGO_INITDB_ROOT_PASSWORD holds a literal value instead of a variable from .env",
        "db-init: long-running, but has no healthcheck",
        "db-init: waits for db to be healthy, but it has no healthcheck",
        "enforcement-service: depends on db-init without a condition",
        "enforcement-service: depends on mongo, which is not defined",
        "enforcement-service: depends on mongo without a condition",
        "enforcement-service: SPRING_PROFILES_ACTIVE activates local, the embedded one-machine run",
        "enforcement-service: SPRING_MONGODB_URI holds a URI with a literal password",
        "enforcement-service: 1 replica(s), 2 required",
        "enforcement-service/Dockerfile: no USER in the last stage, so the container runs as root",
        "credit-service: not built from the repository root (../..) with credit-service/Dockerfile",
        "gateway: long-running, but has no healthcheck",
        "gateway/Dockerfile: USER root is root",
        "${KC_BOOTSTRAP_ADMIN_PASSWORD} names a secret: write ${KC_BOOTSTRAP_ADMIN_PASSWORD:?message} so that it "
            + "is required",
        "${REDIS_PASSWORD} is not in .env.example",
        "keycloak/realm.json: realm role CREDIT_ADMIN is not declared",
        "keycloak/realm.json: realm role PARTNER is not declared",
        "keycloak/realm.json: no protocol mapper puts the realm roles into a multivalued access-token claim roles",
        "keycloak/realm.json: no protocol mapper puts the user attribute department into the access-token claim "
            + "department",
        "keycloak/realm.json: value holds a literal value; write a ${NAME} placeholder",
        "keycloak/realm.json: ${DEMO_PASSWORD} is not in the Keycloak service's environment",
        "enforcement-service: accepts tokens from issuer 'http://localhost:8180/realms/safety-credit', Keycloak "
            + "issues them as 'http://keycloak:8180/realms/safety-credit'",
        "credit-service: accepts tokens from issuer '', Keycloak issues them as "
            + "'http://keycloak:8180/realms/safety-credit'",
        "gateway: accepts tokens from issuer '', Keycloak issues them as 'http://keycloak:8180/realms/safety-credit'",
        "rabbitmq/definitions.json: exchange enforcement.events is not a durable topic exchange",
        "rabbitmq/definitions.json: exchange credit.events is not declared",
        "rabbitmq/definitions.json: user guest has a password; users come from .env",
        "enforcement-service: uses vhost 'other', which rabbitmq/definitions.json does not declare");
  }

  @Test
  void aKeycloakHostnameThatIsNoUrlIsReported() {
    JsonNode compose =
        YAML.readTree(BROKEN_COMPOSE.replace("KC_HOSTNAME: http://keycloak:8180", "KC_HOSTNAME: keycloak"));

    assertThat(ComposeFileChecker.violations(compose, ComposeFiles.of(BROKEN_FILES))).contains(
        "keycloak: KC_HOSTNAME is not a full URL, so the tokens' issuer depends on the address Keycloak was "
            + "reached at");
  }

  @Test
  void variableReferencesAreReadTheWayComposeReadsThem() {
    assertThat(Interpolation.references("a $$NOT_ONE ${A:?set A in .env} $B ${C:-${D}} ${E-x}"))
        .extracting(Reference::name, Reference::operator)
        .containsExactly(
            tuple("A", ":?"),
            tuple("B", ""),
            tuple("C", ":-"),
            tuple("D", ""),
            tuple("E", "-"));
    assertThat(Interpolation.isSingleReference("${A:?set A}")).isTrue();
    assertThat(Interpolation.isSingleReference("x${A:?set A}")).isFalse();
    assertThat(Interpolation.withPlainReferences("redis://:${P:?set P (see .env.example)}@redis:6379"))
        .isEqualTo("redis://:${P}@redis:6379");
  }

  @Test
  void aNameNamesASecretByItsWords() {
    assertThat(ComposeFileChecker.namesSecret("MONGO_REPLICA_SET_KEY")).isTrue();
    assertThat(ComposeFileChecker.namesSecret("REDISCLI_AUTH")).isTrue();
    assertThat(ComposeFileChecker.namesSecret("DEMO_OFFICER_PASSWORD")).isTrue();
    assertThat(ComposeFileChecker.namesSecret("KEYCLOAK_URL")).isFalse();
    assertThat(ComposeFileChecker.namesSecret("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")).isFalse();
  }

  private static final String BROKEN_COMPOSE = """
      services:
        db:
          image: mongo:7.0
          environment:
            MONGO_INITDB_ROOT_PASSWORD: example
        db-init:
          image: mongo:7.0
          depends_on:
            db:
              condition: service_healthy
          restart: "no"
        rabbitmq:
          image: rabbitmq:4.1-management
          volumes:
            - ./rabbitmq/rabbitmq.conf:/etc/rabbitmq/rabbitmq.conf:ro
            - ./rabbitmq/definitions.json:/etc/rabbitmq/definitions.json:ro
          healthcheck:
            test: ["CMD", "rabbitmq-diagnostics", "-q", "ping"]
        keycloak:
          image: quay.io/keycloak/keycloak:26.4
          environment:
            KC_HOSTNAME: http://keycloak:8180
            KC_BOOTSTRAP_ADMIN_PASSWORD: ${KC_BOOTSTRAP_ADMIN_PASSWORD}
          volumes:
            - ./keycloak/realm.json:/opt/keycloak/data/import/realm.json:ro
          healthcheck:
            test: ["CMD", "true"]
        enforcement-service:
          build:
            context: ../..
            dockerfile: enforcement-service/Dockerfile
          deploy:
            replicas: 1
          environment:
            - SPRING_PROFILES_ACTIVE=local
            - SPRING_MONGODB_URI=mongodb://app:secret@db:27017/enforcement
            - SPRING_RABBITMQ_HOST=rabbitmq
            - SPRING_RABBITMQ_PASSWORD=${RABBITMQ_PASSWORD:?set RABBITMQ_PASSWORD}
            - SPRING_RABBITMQ_VIRTUALHOST=other
            - SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI=http://localhost:8180/realms/safety-credit
          depends_on:
            - db-init
            - mongo
          healthcheck:
            test: ["CMD", "true"]
        credit-service:
          image: safety-credit/credit-service:latest
          deploy:
            replicas: 2
          healthcheck:
            test: ["CMD", "true"]
        gateway:
          build:
            context: ../..
            dockerfile: gateway/Dockerfile
          environment:
            RATE_LIMIT_REDIS_URL: redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379
      """;

  private static final Map<String, String> BROKEN_FILES = Map.of(
      ".env.example", """
          KC_BOOTSTRAP_ADMIN_PASSWORD=change-me
          RABBITMQ_PASSWORD=change-me
          """,
      "../../enforcement-service/Dockerfile", """
          FROM eclipse-temurin:17-jre-noble AS layers
          USER app
          FROM eclipse-temurin:17-jre-noble
          ENTRYPOINT ["java", "-jar", "/app/app.jar"]
          """,
      "../../gateway/Dockerfile", """
          FROM eclipse-temurin:17-jre-noble
          USER root
          """,
      "keycloak/realm.json", """
          {"realm": "safety-credit",
           "roles": {"realm": [{"name": "OFFICER"}, {"name": "SUPERVISOR"}]},
           "clients": [{"clientId": "web", "protocolMappers": [
             {"protocolMapper": "oidc-usermodel-realm-role-mapper",
              "config": {"claim.name": "roles", "multivalued": "false", "access.token.claim": "true"}},
             {"protocolMapper": "oidc-usermodel-attribute-mapper",
              "config": {"user.attribute": "region", "claim.name": "region", "access.token.claim": "true"}}]}],
           "users": [
             {"username": "officer", "credentials": [{"type": "password", "value": "changeit"}]},
             {"username": "partner", "credentials": [{"type": "password", "value": "${DEMO_PASSWORD}"}]}]}
          """,
      "rabbitmq/rabbitmq.conf", "load_definitions = /etc/rabbitmq/definitions.json\n",
      "rabbitmq/definitions.json", """
          {"vhosts": [{"name": "safety-credit"}],
           "exchanges": [{"name": "enforcement.events", "vhost": "safety-credit", "type": "fanout",
                          "durable": false}],
           "users": [{"name": "guest", "password_hash": "abc", "tags": "administrator"}]}
          """);
}
