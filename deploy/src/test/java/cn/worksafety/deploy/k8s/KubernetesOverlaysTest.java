package cn.worksafety.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay under {@code k8s/overlays} with {@code kubectl kustomize} and checks what each
 * must satisfy (replicas, probes, resources, hardening, secrets, companions of each Deployment, the
 * data stores). Deliberately broken overlays show that each check can fail.
 */
class KubernetesOverlaysTest {
  private static final Path OVERLAYS = Path.of("k8s", "overlays");

  static List<Path> overlays() throws IOException {
    try (Stream<Path> entries = Files.list(OVERLAYS)) {
      List<Path> overlays =
          entries.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml"))).sorted().toList();
      assertThat(overlays).as("overlays under %s", OVERLAYS.toAbsolutePath()).isNotEmpty();
      return overlays;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void everyOverlayRendersAsTheSystemNeedsIt(Path overlay) {
    ManifestChecker checker = overlay.getFileName().toString().equals("production")
        ? ManifestChecker.forProduction()
        : ManifestChecker.forAnyCluster();

    assertThat(checker.violations(Kustomize.render(overlay))).as("what %s breaks", overlay).isEmpty();
  }

  @Test
  void brokenWorkloadsAreReported(@TempDir Path dir) {
    Manifests broken = new TemporaryOverlay(dir)
        .patch("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: enforcement-service
            spec:
              template:
                spec:
                  containers:
                    - name: enforcement-service
                      readinessProbe: null
                      livenessProbe:
                        httpGet:
                          path: /actuator/health
            """)
        .patch("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: credit-service
            spec:
              template:
                spec:
                  containers:
                    - name: credit-service
                      securityContext:
                        runAsNonRoot: false
                        readOnlyRootFilesystem: false
                        allowPrivilegeEscalation: true
                        capabilities: null
                      env:
                        - name: SPRING_RABBITMQ_PASSWORD
                          value: guest
                          valueFrom: null
            """)
        .patch("""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: gateway
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: gateway
                      resources:
                        requests:
                          memory: null
                        limits:
                          cpu: null
                      envFrom:
                        - configMapRef:
                            name: gateway-extras
                      env:
                        - name: SPRING_PROFILES_ACTIVE
                          value: default,local
                        - name: RATE_LIMIT_REDIS_URL
                          value: redis://redis:6379
                        - name: AUDIT_ARCHIVE_URL
                          value: https://archiver:archived@archive.example.gov.cn/
            """)
        .render();

    assertThat(ManifestChecker.forAnyCluster().violations(broken)).containsExactlyInAnyOrder(
        "Deployment enforcement-service, container enforcement-service: "
            + "no liveness probe on /actuator/health/liveness",
        "Deployment enforcement-service, container enforcement-service: "
            + "no readiness probe on /actuator/health/readiness",
        "Deployment credit-service, container credit-service: runAsNonRoot is not true",
        "Deployment credit-service, container credit-service: readOnlyRootFilesystem is not true",
        "Deployment credit-service, container credit-service: allowPrivilegeEscalation is not false",
        "Deployment credit-service, container credit-service: capabilities do not drop ALL",
        "Deployment credit-service, container credit-service: "
            + "SPRING_RABBITMQ_PASSWORD must come from a secretKeyRef",
        "Deployment gateway: replicas 1, at least 2 required",
        "Deployment gateway, container gateway: no resources.requests.memory",
        "Deployment gateway, container gateway: no resources.limits.cpu",
        "Deployment gateway, container gateway: SPRING_PROFILES_ACTIVE activates the profile local",
        "Deployment gateway, container gateway: RATE_LIMIT_REDIS_URL must come from a secretKeyRef",
        "Deployment gateway, container gateway: AUDIT_ARCHIVE_URL must come from a secretKeyRef",
        "Deployment gateway: ConfigMap gateway-extras is not in the rendering");
  }

  @Test
  void missingCompanionsKeptSecretsAndSmallDataStoresAreReported(@TempDir Path dir) {
    Manifests broken = new TemporaryOverlay(dir)
        .patch("""
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: credit-service
            $patch: delete
            """)
        .patch("""
            apiVersion: v1
            kind: Service
            metadata:
              name: gateway
            $patch: delete
            """)
        .patch("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: enforcement-service
            $patch: delete
            """)
        .patch("""
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: credit-service
            spec:
              minReplicas: 1
            """)
        .patch("""
            apiVersion: rabbitmq.com/v1beta1
            kind: RabbitmqCluster
            metadata:
              name: rabbitmq
            $patch: delete
            """)
        .patch("""
            apiVersion: mongodbcommunity.mongodb.com/v1
            kind: MongoDBCommunity
            metadata:
              name: mongodb
            spec:
              members: 2
            """)
        .add("""
            apiVersion: v1
            kind: Secret
            metadata:
              name: mongodb-enforcement-service-password
            stringData:
              password: kept-in-git
            """)
        .add("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: leaky-settings
            data:
              SPRING_RABBITMQ_PASSWORD: guest
              SPRING_PROFILES_ACTIVE: local
            """)
        .render();

    assertThat(ManifestChecker.forProduction().violations(broken)).containsExactlyInAnyOrder(
        "Deployment credit-service: no PodDisruptionBudget selects its pods",
        "Deployment gateway: no Service selects its pods",
        "Deployment enforcement-service: no HorizontalPodAutoscaler targets it",
        "HorizontalPodAutoscaler credit-service: minReplicas 1, at least 2 required",
        "no RabbitmqCluster in the rendering",
        "MongoDBCommunity mongodb: members 2, an odd number of at least 3 required",
        "Secret mongodb-enforcement-service-password: "
            + "secrets are created in the cluster, never kept in these files",
        "ConfigMap leaky-settings: SPRING_RABBITMQ_PASSWORD must come from a Secret",
        "ConfigMap leaky-settings: SPRING_PROFILES_ACTIVE activates the profile local");
  }
}
