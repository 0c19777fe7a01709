package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test compilation sees the main compilation's recorders on its class path and runs the
 * processor with the same options: it must not generate the recorders a second time (that
 * would lose the values the main compilation's handlers add), and its own handlers are checked
 * against the compiled recorders and get their wrappers.
 */
class SecondCompilationTest {
  @TempDir Path dir;

  @Test
  void recordersAlreadyOnTheClassPathAreNotGeneratedAgainAndTestHandlersAreWrapped() throws IOException {
    Compilation second = compileTestHandler("pay");

    assertThat(second.status()).as(Compilations.describe(second)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(second.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .singleElement().satisfies(name -> assertThat(name).endsWith("test/CheckoutTest_Metered.java"));
    assertThat(second.warnings()).isEmpty();
    assertThat(second.notes()).extracting(note -> note.getMessage(Locale.ROOT))
        .anySatisfy(message -> assertThat(message).startsWith("[MeteredPartialCompilation]"));
  }

  @Test
  void aTestHandlerCannotAddAValueToTheCompiledEnum() throws IOException {
    Compilation second = compileTestHandler("refund");

    assertThat(Compilations.onlyError(second, "MeteredRecorderOutOfDate").getMessage(Locale.ROOT))
        .contains("'refund'", "test.metrics.CheckoutMetrics.Step");
    assertThat(second.errors()).hasSize(1);
  }

  private Compilation compileTestHandler(String step) throws IOException {
    Compilation main = Compilations.compile(dir, RecorderBehaviourTest.SCHEMA, RecorderBehaviourTest.HANDLERS);
    assertThat(main.status()).as(Compilations.describe(main)).isEqualTo(Compilation.Status.SUCCESS);
    Path classes = writeClasses(main, Files.createDirectories(dir.resolve("classes")));

    JavaFileObject test = Compilations.source("test.CheckoutTest", """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;
        import test.metrics.CheckoutMetrics;

        class CheckoutTest {
          String name = CheckoutMetrics.COUNT;

          @Metered(family = "checkout", attributes = "step=%s")
          void check(@Attr("paid") boolean paid) {}
        }
        """.formatted(step));
    return Compilations.compileWithClasspath(List.of(classes.toFile()),
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml")), test);
  }

  /** Writes the class files of {@code compilation} under {@code root}, over older ones, as javac -d does. */
  static Path writeClasses(Compilation compilation, Path root) throws IOException {
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        Path target = root.resolve(path.substring(path.indexOf('/', 1) + 1));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return root;
  }
}
