package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Metered} handler in a source that another processor generates reaches Metered only
 * after the recorders were written: it is its own coded error, on the handler, and the handlers
 * written by hand still get their wrappers.
 */
class GeneratedHandlerTest {
  @TempDir Path dir;

  /** Writes one class with a handler in its first round, as a code generator would. */
  static final class HandlerGenerator extends AbstractProcessor {
    private boolean written;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!written) {
        written = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.Late").openWriter()) {
          out.write("""
              package test;

              import dev.metered.annotations.Metered;

              public class Late {
                @Metered(family = "command", attributes = "command=late")
                public void late() {}
              }
              """);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aGeneratedHandlerIsItsOwnErrorAndTheOthersAreStillWrapped() throws IOException {
    Path schema = dir.resolve("metrics.yaml");
    Files.writeString(schema, WrapperBehaviourTest.SCHEMA);
    JavaFileObject handwritten = Compilations.source("test.Handwritten", """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;
        import test.metrics.CommandMetrics.CommandType;

        public class Handwritten {
          @Metered(family = "command", attributes = "command=ping")
          public void ping(@Attr("command_type") CommandType type) {}

          Handwritten_Metered wrapper() {
            return new Handwritten_Metered();
          }
        }
        """);
    Compilation compilation = Compilations.compileWithProcessors(
        List.of(new MeteredProcessor(), new HandlerGenerator()), List.of("-Ametered.schema=" + schema), handwritten);

    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(compilation, "MeteredGeneratedHandler");
    assertThat(error.getSource().getName()).endsWith("test/Late.java");
    assertThat(error.getMessage(Locale.ROOT)).contains("generated in a later round");
    assertThat(compilation.errors()).as(Compilations.describe(compilation)).hasSize(1);
  }
}
