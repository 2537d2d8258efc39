package cn.worksafety.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Renders a kustomization with {@code kubectl kustomize}: what {@code kubectl apply -k} would send. */
final class Kustomize {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final long TIMEOUT_SECONDS = 60;

  private Kustomize() {}

  static Manifests render(Path kustomizationDir) {
    Process kubectl = start(kustomizationDir);
    try (InputStream out = kubectl.getInputStream(); InputStream err = kubectl.getErrorStream()) {
      // the rendering is read to the end before the (short) error output, so neither pipe fills up
      String rendered = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      String errors = new String(err.readAllBytes(), StandardCharsets.UTF_8);
      if (!kubectl.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        kubectl.destroyForcibly();
        throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " did not finish in "
            + TIMEOUT_SECONDS + " s");
      }
      if (kubectl.exitValue() != 0) {
        throw new IllegalStateException("kubectl kustomize " + kustomizationDir + " failed:\n" + errors);
      }
      return new Manifests(parse(rendered));
    } catch (IOException e) {
      throw new IllegalStateException("could not read the rendering of " + kustomizationDir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering " + kustomizationDir, e);
    }
  }

  private static Process start(Path kustomizationDir) {
    try {
      return new ProcessBuilder("kubectl", "kustomize", kustomizationDir.toString()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "kubectl was not found on the PATH: run deploy/local/ensure-kubectl.sh to install it", e);
    }
  }

  private static List<JsonNode> parse(String multiDocumentYaml) {
    List<JsonNode> documents =
        YAML.readerFor(JsonNode.class).<JsonNode>readValues(multiDocumentYaml).readAll();
    return documents.stream().filter(document -> document != null && document.isObject()).toList();
  }
}
