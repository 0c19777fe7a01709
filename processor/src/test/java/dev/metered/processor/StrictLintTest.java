package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds with {@code -Xlint:all -Werror}: Metered's processors leave javac nothing to warn about,
 * neither "No processor claimed any of these annotations" nor a lint warning in generated code,
 * and a third-party processor in the same compilation still sees the {@code @Metered} elements.
 */
class StrictLintTest {
  static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

  /** Wrapper features: @Attr parameters, checked exceptions, an async result, generics, varargs. */
  static final JavaFileObject COMMANDS = Compilations.source("test.Commands", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;
      import java.io.IOException;
      import java.util.List;
      import java.util.concurrent.CompletableFuture;
      import test.metrics.CommandMetrics.CommandType;

      public class Commands<T extends Comparable<T>> {
        @Metered(family = "command", attributes = "command=ping")
        public String ping(@Attr("command_type") CommandType type) {
          return "pong";
        }

        @Metered(family = "command", attributes = "command=save")
        public void save(@Attr("command_type") CommandType type) throws IOException {
          if (type == null) {
            throw new IOException("no type");
          }
        }

        @Metered(family = "command", attributes = "command=fetch")
        public CompletableFuture<T> fetch(@Attr("command_type") CommandType type) {
          return new CompletableFuture<>();
        }

        @Metered(family = "command", attributes = "command=count")
        public int count(@Attr("command_type") CommandType type, List<? extends T> items, int... more) {
          return items.size() + more.length;
        }
      }
      """);

  /** An interface handler: its wrapper is a decorator that also delegates the other methods. */
  static final JavaFileObject GATEWAY = Compilations.source("test.Gateway", """
      package test;

      import dev.metered.annotations.Metered;

      public interface Gateway {
        @Metered(family = "command", attributes = {"command=send", "command_type=slash"})
        void send(String text);

        String name();
      }
      """);

  @TempDir Path dir;

  @Test
  void theServicesFileListsTheClaimAfterTheProcessor() {
    assertThat(meteredProcessors()).extracting(processor -> processor.getClass().getSimpleName())
        .containsExactly("MeteredProcessor", "MeteredAnnotationsClaim");
  }

  @Test
  void handlersAndEveryRecorderFeatureCompileWithXlintAllAndWerror() {
    Compilation compilation = strict(RecorderBehaviourTest.SCHEMA, RecorderBehaviourTest.HANDLERS,
        RecorderBehaviourTest.DRIVER);

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.diagnostics()).as(Compilations.describe(compilation))
        .noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.WARNING);
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .anySatisfy(name -> assertThat(name).endsWith("CheckoutMetrics.java"))
        .anySatisfy(name -> assertThat(name).endsWith("Checkout_Metered.java"));
  }

  @Test
  void everyWrapperFeatureCompilesWithXlintAllAndWerror() {
    Compilation compilation = strict(WrapperBehaviourTest.SCHEMA, COMMANDS, GATEWAY);

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .anySatisfy(name -> assertThat(name).endsWith("Commands_Metered.java"))
        .anySatisfy(name -> assertThat(name).endsWith("Gateway_Metered.java"));
  }

  /**
   * Handlers whose own code is warning-free only thanks to where they stand or what they
   * suppress: the wrapper repeats their signatures and calls, and must stay as quiet.
   */
  @Test
  void deprecatedRawAndGenericVarargsHandlersCompileWithXlintAllAndWerror() {
    Compilation compilation = strict(WrapperBehaviourTest.SCHEMA, Compilations.source("test.Legacy", """
        package test;

        import dev.metered.annotations.Metered;
        import java.util.List;

        public class Legacy {
          /** Old. @deprecated use another */
          @Deprecated
          @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
          public void ping() {}

          /** Going. @deprecated soon gone */
          @Deprecated(forRemoval = true)
          @Metered(family = "command", attributes = {"command=gone", "command_type=slash"})
          public void gone() {}

          @SuppressWarnings("unchecked")
          @Metered(family = "command", attributes = {"command=many", "command_type=slash"})
          public <T> void many(T... items) {}

          @Metered(family = "command", attributes = {"command=raw", "command_type=slash"})
          public void raw(@SuppressWarnings("rawtypes") List items) {}
        }
        """), Compilations.source("test.Old", """
        package test;

        import dev.metered.annotations.Metered;

        /** Going away. @deprecated use Legacy */
        @Deprecated(forRemoval = true)
        public class Old {
          @Metered(family = "command", attributes = {"command=old", "command_type=slash"})
          public void old() {}
        }
        """));

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .anySatisfy(name -> assertThat(name).endsWith("Legacy_Metered.java"))
        .anySatisfy(name -> assertThat(name).endsWith("Old_Metered.java"));
  }

  @Test
  void theExampleBotSchemaCompilesWithXlintAllAndWerror() throws IOException {
    String schema = Files.readString(MutationTest.BASE, StandardCharsets.UTF_8);

    Compilation compilation = strict(schema, MutationTest.HANDLERS);

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(compilation.generatedSourceFiles()).hasSizeGreaterThan(5);
  }

  @Test
  void aProcessorBeforeMeteredIsOfferedTheAnnotationAndSeesTheHandlers() {
    Observer observer = new Observer();
    List<Processor> processors = new ArrayList<>(List.of(observer));
    processors.addAll(meteredProcessors());

    Compilation compilation = Compilations.compileWithProcessors(processors, withSchema(WrapperBehaviourTest.SCHEMA),
        GATEWAY);

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(observer.offered).contains("dev.metered.annotations.Metered");
    assertThat(observer.handlers).containsExactly("send");
  }

  /**
   * After Metered's claim, javac still calls a processor for the round's other annotations (here
   * an {@code @Override}), and it finds the handlers; in a round whose only annotations are
   * Metered's, javac would call no processor after the claim (see MeteredAnnotationsClaim).
   */
  @Test
  void aProcessorAfterMeteredStillSeesTheHandlersInItsRound() {
    Observer observer = new Observer();
    List<Processor> processors = new ArrayList<>(meteredProcessors());
    processors.add(observer);

    Compilation compilation = Compilations.compileWithProcessors(processors, withSchema(WrapperBehaviourTest.SCHEMA),
        COMMANDS, Compilations.source("test.Named", """
            package test;

            class Named {
              @Override
              public String toString() {
                return "named";
              }
            }
            """));

    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(observer.handlers).containsExactlyInAnyOrder("ping", "save", "fetch", "count");
  }

  private Compilation strict(String schema, JavaFileObject... sources) {
    List<String> options = new ArrayList<>(withSchema(schema));
    options.addAll(STRICT);
    return Compilations.compileWithProcessors(meteredProcessors(), options, sources);
  }

  private List<String> withSchema(String schema) {
    Path file = dir.resolve("metrics.yaml");
    try {
      Files.writeString(file, schema, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return List.of("-Ametered.schema=" + file);
  }

  /** Metered's processors as javac discovers them: from META-INF/services, in its order. */
  private static List<Processor> meteredProcessors() {
    List<Processor> processors = new ArrayList<>();
    for (Processor processor : ServiceLoader.load(Processor.class, MeteredProcessor.class.getClassLoader())) {
      if (processor.getClass().getPackageName().equals("dev.metered.processor")) {
        processors.add(processor);
      }
    }
    return processors;
  }

  /** A third-party processor for every annotation: what it was offered and which handlers it saw. */
  static final class Observer extends AbstractProcessor {
    final Set<String> offered = new TreeSet<>();
    final List<String> handlers = new ArrayList<>();

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
      annotations.forEach(annotation -> offered.add(annotation.getQualifiedName().toString()));
      TypeElement metered = processingEnv.getElementUtils().getTypeElement("dev.metered.annotations.Metered");
      round.getElementsAnnotatedWith(metered).forEach(element -> handlers.add(element.getSimpleName().toString()));
      return false;
    }
  }
}
