package dev.metered.jartest;

import static dev.metered.runtime.testing.MetricAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.annotations.Metered;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordingSink;
import io.sentry.Sentry;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain javac, run as its own process the way a user's shell or a build tool other than Maven
 * runs it: the processor jar is the whole processor path and the annotations, runtime and Sentry
 * jars the class path. A separate process, because an in-process javac's processor class loader
 * would see this test's own class path through its parent.
 */
class PlainJavacTest {
  /** Its own package, apart from the sample application's recorder already loaded here. */
  private static final String SCHEMA = """
      schema: 1
      namespace: nightly
      package: app.metrics
      families:
        job:
          description: One run of a job.
          attributes:
            job: {type: enum, from_handlers: true, description: The job's name.}
            success: {type: boolean, description: Whether the job returned.}
            error_type: {type: string, max_length: 100, max_values: 20, optional: true, description: The failure's type.}
          inputs:
            duration: double
          metrics:
            nightly.job.duration: {type: distribution, unit: millisecond, value: duration, description: Time a job took.}
            nightly.job.runs: {type: counter, description: Jobs run.}
      """;

  private static final String HANDLER = """
      package app;

      import dev.metered.annotations.Metered;

      public class Nightly {
        @Metered(family = "job", attributes = "job=nightly")
        public String run() {
          return "done";
        }
      }
      """;

  @TempDir Path work;

  @Test
  void theProcessorJarAloneIsTheWholeProcessorPath() throws Exception {
    Path classes = compileHandler(List.of(ProcessorJar.file()));

    assertWrapperRecords(classes);
  }

  @Test
  void anotherJavaPoetFirstOnTheSameProcessorPathChangesNothing() throws Exception {
    Path olderJavaPoet = ProcessorJar.fileOf("javapoet.other.jar");

    Path classes = compileHandler(List.of(olderJavaPoet, ProcessorJar.file()));

    assertWrapperRecords(classes);
  }

  /** Compiles {@link #HANDLER} with {@link #SCHEMA}; fails on any output from javac. */
  private Path compileHandler(List<Path> processorPath) throws IOException, InterruptedException {
    Path source = Files.createDirectories(work.resolve("src/app")).resolve("Nightly.java");
    Files.writeString(source, HANDLER, StandardCharsets.UTF_8);
    Path schema = Files.writeString(work.resolve("metrics.yaml"), SCHEMA, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path generated = Files.createDirectories(work.resolve("generated"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "--release", "17",
        "-processorpath", joined(processorPath),
        "-classpath", joined(List.of(jarOf(Metered.class), jarOf(MeteredRuntime.class), jarOf(Sentry.class))),
        "-Ametered.schema=" + schema,
        "-d", classes.toString(),
        "-s", generated.toString(),
        source.toString()));
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(javac.waitFor(2, TimeUnit.MINUTES)).as("javac finished").isTrue();

    assertThat(output).as("javac's output").isEmpty();
    assertThat(javac.exitValue()).as("javac's exit code").isZero();
    assertThat(generated.resolve("app/Nightly_Metered.java")).isRegularFile();
    assertThat(generated.resolve("app/metrics/JobMetrics.java")).isRegularFile();
    return classes;
  }

  /** Loads the compiled wrapper beside this test's runtime and calls it. */
  private static void assertWrapperRecords(Path classes) throws Exception {
    try (URLClassLoader loader = new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, PlainJavacTest.class.getClassLoader());
        RecordingSink sink = RecordingSink.installGlobally()) {
      Object wrapper = loader.loadClass("app.Nightly_Metered").getConstructor().newInstance();

      assertThat(wrapper.getClass().getMethod("run").invoke(wrapper)).isEqualTo("done");
      assertThat(sink).recorded("nightly.job.runs").with("job", "nightly").once();
    }
  }

  private static Path jarOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String joined(List<Path> path) {
    return path.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
