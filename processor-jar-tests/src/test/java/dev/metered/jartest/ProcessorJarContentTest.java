package dev.metered.jartest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the published processor jar holds: its own classes and its dependencies' under
 * {@code dev.metered.processor.shaded}, nothing that another jar on a processor path could also
 * define, and registration files that name classes it contains.
 */
class ProcessorJarContentTest {
  private static final String SERVICES = "META-INF/services/javax.annotation.processing.Processor";
  private static final String GRADLE = "META-INF/gradle/incremental.annotation.processors";
  private static final String JSON_SCHEMA = "META-INF/metered/metrics.schema.json";

  private static List<String> entries;
  private static List<String> services;
  private static List<String> gradle;
  private static byte[] jsonSchema;

  @BeforeAll
  static void readJar() throws IOException {
    try (JarFile jar = new JarFile(ProcessorJar.file().toFile())) {
      entries = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
      services = lines(jar, SERVICES);
      gradle = lines(jar, GRADLE);
      JarEntry schema = jar.getJarEntry(JSON_SCHEMA);
      assertThat(schema).as(JSON_SCHEMA).isNotNull();
      try (InputStream in = jar.getInputStream(schema)) {
        jsonSchema = in.readAllBytes();
      }
    }
  }

  @Test
  void everyClassIsTheProcessorsOwnOrRelocatedUnderIt() {
    assertThat(entries).filteredOn(name -> name.endsWith(".class"))
        .isNotEmpty()
        .allMatch(name -> name.startsWith("dev/metered/processor/"));
    assertThat(entries)
        .contains("dev/metered/processor/shaded/com/squareup/javapoet/JavaFile.class")
        .contains("dev/metered/processor/shaded/org/snakeyaml/engine/v2/api/LoadSettings.class")
        .noneMatch(name -> name.startsWith("com/squareup/") || name.startsWith("org/snakeyaml/"))
        .noneMatch(name -> name.startsWith("dev/metered/annotations/"))
        .noneMatch(name -> name.endsWith("module-info.class"));
  }

  @Test
  void javacFindsTheProcessorThroughItsServiceFile() {
    assertThat(services).contains("dev.metered.processor.MeteredProcessor");
    assertThat(services).allMatch(name -> entries.contains(name.replace('.', '/') + ".class"));
  }

  @Test
  void gradleKnowsEveryRegisteredProcessorsIncrementalKind() {
    assertThat(gradle).contains("dev.metered.processor.MeteredProcessor,aggregating");
    assertThat(gradle.stream().map(line -> line.substring(0, line.indexOf(','))))
        .containsExactlyInAnyOrderElementsOf(services);
  }

  @Test
  void editorsFindTheMetricsJsonSchemaInTheJarAsDocsHaveIt() throws IOException {
    assertThat(jsonSchema).isEqualTo(Files.readAllBytes(Path.of("..", "docs", "metrics.schema.json")));
  }

  /** The file's lines without comments and blank lines. */
  private static List<String> lines(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertThat(entry).as(name).isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .collect(Collectors.toList());
    }
  }
}
