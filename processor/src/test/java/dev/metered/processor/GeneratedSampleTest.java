package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/generated-sample, which the README links, is what the processor generates today from the
 * sample's schema and handler. {@code -Dmetered.updateSample=true} writes it anew.
 */
class GeneratedSampleTest {
  private static final Path SAMPLE = Path.of("..", "docs", "generated-sample");
  private static final List<String> GENERATED = List.of("com.example.metrics.CommandMetrics", "com.example.PingCommand_Metered");

  @TempDir Path dir;

  @Test
  void theSampleIsWhatTheProcessorGenerates() throws IOException {
    Compilation compilation = Compilations.compile(dir, read("metrics.yaml"),
        Compilations.source("com.example.PingCommand", read("PingCommand.java")));
    GeneratedClasses.ofSuccessful(compilation);

    for (String name : GENERATED) {
      String generated = compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
      Path file = SAMPLE.resolve(name.substring(name.lastIndexOf('.') + 1) + ".java");
      if (Boolean.getBoolean("metered.updateSample")) {
        Files.writeString(file, generated, StandardCharsets.UTF_8);
      }
      assertThat(Files.exists(file) ? read(file.getFileName().toString()) : "")
          .as(file + " is not what the processor generates; -Dmetered.updateSample=true rewrites it")
          .isEqualTo(generated);
    }
  }

  private static String read(String name) throws IOException {
    return Files.readString(SAMPLE.resolve(name), StandardCharsets.UTF_8);
  }
}
