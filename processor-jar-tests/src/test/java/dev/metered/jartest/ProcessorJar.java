package dev.metered.jartest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged processor jar under test, as the build hands it to the tests. */
final class ProcessorJar {
  private ProcessorJar() {}

  /** The jar's file; a class directory (a build that stopped before package) fails here. */
  static Path file() {
    String property = System.getProperty("metered.processor.jar");
    assertThat(property).as("system property metered.processor.jar (set by the build)").isNotBlank();
    Path jar = Path.of(property);
    assertThat(jar).as("the packaged processor").isRegularFile();
    assertThat(jar.getFileName().toString()).endsWith(".jar");
    return jar;
  }

  /** Another dependency's file, named by a system property the build sets. */
  static Path fileOf(String property) {
    Path file = Path.of(System.getProperty(property, ""));
    assertThat(Files.isRegularFile(file)).as("system property %s names a file", property).isTrue();
    return file;
  }
}
