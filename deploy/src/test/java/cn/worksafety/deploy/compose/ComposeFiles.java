package cn.worksafety.deploy.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The files a compose file refers to, read by their path relative to the compose file's directory. */
@FunctionalInterface
interface ComposeFiles {
  Optional<String> read(String relativePath);

  static ComposeFiles in(Path composeDirectory) {
    return relativePath -> {
      Path file = composeDirectory.resolve(relativePath).normalize();
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try {
        return Optional.of(Files.readString(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** For a compose file under test: contents by path, as in {@code "../../gateway/Dockerfile"}. */
  static ComposeFiles of(Map<String, String> contents) {
    return relativePath -> Optional.ofNullable(contents.get(Path.of(relativePath).normalize().toString()));
  }
}
