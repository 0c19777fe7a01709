package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test compilation sees the main compilation's recorders on its class path and runs the
 * processor with the same options: it must not generate the recorders a second time.
 */
class SecondCompilationTest {
  @TempDir Path dir;

  @Test
  void recordersAlreadyOnTheClassPathAreNotGeneratedAgain() throws IOException {
    Compilation main = Compilations.compile(dir, RecorderBehaviourTest.SCHEMA, RecorderBehaviourTest.HANDLERS);
    assertThat(main.status()).as(Compilations.describe(main)).isEqualTo(Compilation.Status.SUCCESS);
    Path classes = writeClasses(main, Files.createDirectories(dir.resolve("classes")));

    JavaFileObject test = Compilations.source("test.CheckoutTest", """
        package test;

        import dev.metered.annotations.Metered;
        import test.metrics.CheckoutMetrics;

        class CheckoutTest {
          String name = CheckoutMetrics.COUNT;

          @Metered(family = "checkout", attributes = "step=refund")
          void refund() {}
        }
        """);
    Compilation second = Compilations.compileWithClasspath(List.of(classes.toFile()),
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml")), test);

    assertThat(second.status()).as(Compilations.describe(second)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(second.generatedSourceFiles()).isEmpty();
    assertThat(second.warnings()).extracting(w -> w.getMessage(Locale.ROOT))
        .anySatisfy(message -> assertThat(message).contains("[MeteredHandlerNotChecked]", "compiled before"));
  }

  private static Path writeClasses(Compilation compilation, Path root) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        Path target = root.resolve(path.substring(path.indexOf('/', 1) + 1));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    return root;
  }
}
