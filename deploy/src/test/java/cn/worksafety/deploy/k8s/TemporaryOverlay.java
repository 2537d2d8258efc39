package cn.worksafety.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An overlay written to a scratch directory on top of the real base, to break it on purpose. */
final class TemporaryOverlay {
  private static final Path BASE = Path.of("k8s", "base");

  private final Path dir;
  private final List<String> resources = new ArrayList<>();
  private final List<String> patches = new ArrayList<>();

  TemporaryOverlay(Path dir) {
    this.dir = dir;
    resources.add(relativePath(dir, BASE));
  }

  /** A strategic-merge patch of one object (a deletion among several objects crashes kustomize 5.5). */
  TemporaryOverlay patch(String yaml) {
    patches.add(write("patch-" + patches.size() + ".yaml", yaml));
    return this;
  }

  /** An object added to what the base has. */
  TemporaryOverlay add(String yaml) {
    resources.add(write("resource-" + resources.size() + ".yaml", yaml));
    return this;
  }

  Manifests render() {
    StringBuilder kustomization = new StringBuilder("""
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
        """);
    resources.forEach(resource -> kustomization.append("  - ").append(resource).append('\n'));
    kustomization.append("patches:\n");
    patches.forEach(patch -> kustomization.append("  - path: ").append(patch).append('\n'));
    write("kustomization.yaml", kustomization.toString());
    return Kustomize.render(dir);
  }

  private String write(String fileName, String content) {
    try {
      Files.writeString(dir.resolve(fileName), content);
      return fileName;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** kustomize takes a base only by a relative path. */
  private static String relativePath(Path from, Path to) {
    try {
      return from.toRealPath().relativize(to.toRealPath()).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
