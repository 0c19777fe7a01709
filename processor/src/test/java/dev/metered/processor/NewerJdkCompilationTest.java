package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor runs under a newer javac than the one it was built with (Temurin 25 on the
 * project's machines), and what it generates still compiles for Java 17.
 *
 * <p>The newer JDK is {@code $METERED_NEWER_JDK}, or the newest JDK above 17 under
 * /usr/lib/jvm. Where there is none the test is skipped with that reason, never passed.
 */
class NewerJdkCompilationTest {
  @TempDir Path dir;

  @Test
  void processorWorksUnderANewerJavacAndGeneratesJava17Code() throws Exception {
    Path javac = newerJdk().map(home -> home.resolve("bin/javac")).orElse(null);
    Assumptions.assumeTrue(javac != null && Files.isExecutable(javac),
        "no JDK newer than 17 found: set METERED_NEWER_JDK to its home");
    Path schema = dir.resolve("metrics.yaml");
    Files.writeString(schema, RecorderBehaviourTest.SCHEMA);
    Path source = dir.resolve("src/test/Checkout.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, RecorderBehaviourTest.HANDLERS.getCharContent(true));
    Path out = dir.resolve("out");
    String classpath = System.getProperty("java.class.path");
    Process process = new ProcessBuilder(javac.toString(),
        "--release", "17", "-Xlint:all,-processing", "-Werror",
        "-processorpath", classpath, "-processor", MeteredProcessor.class.getName(),
        "-cp", classpath, "-Ametered.schema=" + schema,
        "-d", out.toString(), source.toString())
        .redirectErrorStream(true)
        .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("javac finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    Path recorder = out.resolve("test/metrics/CheckoutMetrics.class");
    assertThat(recorder).exists();
    assertThat(classFileMajorVersion(recorder)).as("Java 17 class files").isEqualTo(61);
  }

  private static Optional<Path> newerJdk() throws IOException {
    String configured = System.getenv("METERED_NEWER_JDK");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(home -> featureVersion(home) > 17)
          .max((a, b) -> Integer.compare(featureVersion(a), featureVersion(b)));
    }
  }

  /** The JDK's feature version from its {@code release} file, or 0. */
  private static int featureVersion(Path home) {
    Path release = home.resolve("release");
    try {
      List<String> lines = Files.readAllLines(release);
      for (String line : lines) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          return Integer.parseInt(version.split("[.+-]")[0]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not a JDK we can use
    }
    return 0;
  }

  private static int classFileMajorVersion(Path classFile) throws IOException {
    byte[] bytes = Files.readAllBytes(classFile);
    return ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
  }

}
