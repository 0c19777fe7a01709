package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The processor's output does not depend on the JVM's default locale. Turkish is the locale
 * that breaks case mapping: {@code "given".toUpperCase()} is {@code "GİVEN"} and
 * {@code "SIZE".toLowerCase()} is {@code "sıze"} there. javac run in-process reads the default
 * locale, so each compilation here sets it and puts it back.
 */
class DefaultLocaleTest {
  private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

  /** Conditions of every kind and names with {@code i} and {@code I} in every slot. */
  static final String SCHEMA = """
      schema: 1
      namespace: app
      package: test.metrics
      families:
        cache:
          attributes:
            lookup: {type: enum, values: [hit, miss, invalid, INIT]}
            is_hit: boolean
            size: {type: integer, optional: true, max_values: 10}
          inputs:
            retries: {type: integer, optional: true}
            duration: {type: double, optional: true}
          metrics:
            app.cache.size: {type: gauge, value: size, attributes: [lookup]}
            app.cache.retries: {type: counter, value: retries, when: {retries: {given: true}}, attributes: [lookup, is_hit]}
            app.cache.misses: {type: counter, when: {is_hit: false, size: {given: false}}, attributes: [lookup]}
            app.cache.invalid: {type: counter, when: {lookup: {equals: invalid}}, attributes: [is_hit]}
            app.cache.time: {type: distribution, unit: millisecond, value: duration, when: {retries: {above: 0}}, attributes: [is_hit]}
      """;

  static final JavaFileObject HANDLER = Compilations.source("test.Cache", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;

      public class Cache {
        @Metered(family = "cache", attributes = "lookup=hit")
        public void get(@Attr("is_hit") boolean isHit) {}
      }
      """);

  @TempDir Path dir;

  @Test
  void aTurkishDefaultLocaleGeneratesTheSameSourcesAsTheRootLocale() {
    Compilation root = compileIn(Locale.ROOT, () -> Compilations.compile(dir, SCHEMA, HANDLER));
    Compilation turkish = compileIn(TURKISH, () -> Compilations.compile(dir, SCHEMA, HANDLER));

    assertThat(root.status()).as(Compilations.describe(root)).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(turkish.status()).as(Compilations.describe(turkish)).isEqualTo(Compilation.Status.SUCCESS);
    Map<String, String> rootSources = sources(root);
    assertThat(rootSources).isNotEmpty();
    assertThat(sources(turkish)).isEqualTo(rootSources);
  }

  /** Suggested fixes lowercase what was written: "RETRIES" must become "retries", not "retrıes". */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "retries: {type:   | RETRIES: {type:   | for example 'retries'",
      "app.cache.size:   | App.Cache.SIZE:   | for example to 'app.cache.size'",
      "unit: millisecond | UNIT: millisecond | did you mean 'unit'?",
  })
  void aTurkishDefaultLocaleGivesTheSameDiagnosticsAsTheRootLocale(String written, String mistake, String suggestion) {
    String broken = SCHEMA.replace(written, mistake);
    Compilation root = compileIn(Locale.ROOT, () -> Compilations.compile(dir, broken, HANDLER));
    Compilation turkish = compileIn(TURKISH, () -> Compilations.compile(dir, broken, HANDLER));

    List<String> rootErrors = Compilations.errors(root);
    assertThat(rootErrors).as(Compilations.describe(root)).anyMatch(message -> message.contains(suggestion));
    assertThat(Compilations.errors(turkish)).isEqualTo(rootErrors);
  }

  private static Compilation compileIn(Locale locale, Supplier<Compilation> compilation) {
    Locale saved = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      return compilation.get();
    } finally {
      Locale.setDefault(saved);
    }
  }

  private static Map<String, String> sources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        sources.put(file.getName(), file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }
}
