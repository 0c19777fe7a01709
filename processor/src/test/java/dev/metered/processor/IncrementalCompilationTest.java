package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real javac runs, as an IDE or an incremental build makes them: everything is compiled,
 * then one handler file is changed and compiled alone, with the first run's classes on the class
 * path. The recorders stay as compiled; the changed class's wrapper is written again.
 */
class IncrementalCompilationTest {
  static final JavaFileObject PING = Compilations.source("test.Ping", """
      package test;

      import dev.metered.annotations.Metered;

      public class Ping {
        @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
        public void ping() {}

        @Metered(family = "command", attributes = {"command=help", "command_type=slash"})
        public void help() {}
      }
      """);

  static final JavaFileObject INFO = Compilations.source("test.Info", """
      package test;

      import dev.metered.annotations.Metered;

      public class Info {
        @Metered(family = "command", attributes = {"command=info", "command_type=slash"})
        public void info() {}
      }
      """);

  @TempDir Path dir;
  Path classes;
  RecordingSink sink;

  @BeforeEach
  void compileEverything() throws IOException {
    Compilation all = Compilations.compile(dir, WrapperBehaviourTest.SCHEMA, PING, INFO);
    assertThat(all.status()).as(Compilations.describe(all)).isEqualTo(Compilation.Status.SUCCESS);
    classes = SecondCompilationTest.writeClasses(all, Files.createDirectories(dir.resolve("classes")));
    sink = new RecordingSink();
    MeteredRuntime.setGlobalSink(sink);
  }

  @AfterEach
  void restore() {
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void aMethodAddedToOneRecompiledHandlerFileGetsItsWrapperAndIsRecorded() throws Exception {
    Compilation one = recompileInfo("""
          @Metered(family = "command", attributes = {"command=info", "command_type=prefix"})
          public void infoByPrefix() {}
        """);

    assertThat(one.status()).as(Compilations.describe(one)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(one.generatedSourceFiles()).extracting(JavaFileObject::getName)
        .as("the wrapper is written again; the recorders on the class path are not")
        .singleElement().satisfies(name -> assertThat(name).endsWith("test/Info_Metered.java"));
    SecondCompilationTest.writeClasses(one, classes);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object info = loader.loadClass("test.Info_Metered").getDeclaredConstructor().newInstance();
      info.getClass().getMethod("infoByPrefix").invoke(info);
    }
    assertThat(sink.recorded("bot.command.usage")).extracting(RecordedMetric::attributeMap)
        .containsExactly(Map.of("command", "info", "command_type", "prefix", "success", true));
  }

  @Test
  void aDuplicateOfAHandlerInAnotherFileIsNotCheckedAndTheNoteSaysSo() throws IOException {
    Compilation one = recompileInfo("""
          @Metered(family = "command", attributes = {"command=help", "command_type=slash"})
          public void help() {}
        """);

    assertThat(one.status()).as(Compilations.describe(one)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(one.notes()).extracting(note -> note.getMessage(Locale.ROOT))
        .filteredOn(message -> message.startsWith("[MeteredPartialCompilation]"))
        .singleElement().satisfies(message -> assertThat(message)
            .contains("only part of the sources", "[MeteredDuplicateHandler]", "checked only by a build of all"));
  }

  @Test
  void aDuplicateWithinTheRecompiledFileIsStillAnError() throws IOException {
    Compilation one = recompileInfo("""
          @Metered(family = "command", attributes = {"command=info", "command_type=slash"})
          public void infoAgain() {}
        """);

    assertThat(one.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(Compilations.errors(one)).allSatisfy(error -> assertThat(error).startsWith("[MeteredDuplicateHandler]"));
  }

  @Test
  void aValueTheCompiledEnumLacksIsAnErrorThatSaysToRebuild() throws IOException {
    Compilation one = recompileInfo("""
          @Metered(family = "command", attributes = {"command=about", "command_type=slash"})
          public void about() {}
        """);

    Diagnostic<? extends JavaFileObject> error = Compilations.onlyError(one, "MeteredRecorderOutOfDate");
    assertThat(error.getMessage(Locale.ROOT)).contains("'about'", "test.metrics.CommandMetrics.Command",
        "only part of the sources", "rebuild the whole module");
    assertThat(error.getLineNumber()).isEqualTo(9);
    assertThat(one.errors()).hasSize(1);
  }

  @Test
  void aValueTheCompiledEnumLacksLeavesTheRestOfTheWrapperWritten() {
    // A class the first run did not have, so its wrapper is on no class path.
    JavaFileObject about = Compilations.source("test.About", """
        package test;

        import dev.metered.annotations.Metered;

        public class About {
          @Metered(family = "command", attributes = {"command=about", "command_type=slash"})
          public void about() {}

          @Metered(family = "command", attributes = {"command=info", "command_type=prefix"})
          public void infoByPrefix() {}
        }
        """);
    // Names the wrapper outside a method body, where javac still looks after an error.
    JavaFileObject user = Compilations.source("test.AboutUser", """
        package test;

        class AboutUser {
          About_Metered wrapper() {
            return new About_Metered();
          }
        }
        """);
    Compilation one = Compilations.compileWithClasspath(List.of(classes.toFile()),
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml")), about, user);

    Compilations.onlyError(one, "MeteredRecorderOutOfDate");
    assertThat(one.errors()).as("no error about About_Metered: it is written, timing infoByPrefix() only\n"
        + Compilations.describe(one)).hasSize(1);
  }

  /** Compiles {@code Info} alone, with {@code method} added, against the first run's classes. */
  private Compilation recompileInfo(String method) {
    JavaFileObject changed = Compilations.source("test.Info", """
        package test;

        import dev.metered.annotations.Metered;

        public class Info {
          @Metered(family = "command", attributes = {"command=info", "command_type=slash"})
          public void info() {}

        %s}
        """.formatted(method));
    return Compilations.compileWithClasspath(List.of(classes.toFile()),
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml")), changed);
  }
}
