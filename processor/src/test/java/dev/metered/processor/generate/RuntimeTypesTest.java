package dev.metered.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.javapoet.ClassName;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated code names the runtime's user API or its internal package, nothing else of the
 * runtime: a type only generated code needs lives in {@code dev.metered.runtime.internal}, and a
 * type of {@code dev.metered.runtime} that generated code names is one users see too.
 */
class RuntimeTypesTest {
  private static final String API = "dev.metered.runtime";
  private static final String INTERNAL = "dev.metered.runtime.internal";
  /**
   * The types of the user's API that generated code names: in signatures users call
   * ({@code MetricSink}, the {@code ..._METRIC} descriptors, the enums' {@code AttributeValue}),
   * or both users and generated code call them ({@code ErrorTypes}, {@code MeteredRuntime}).
   */
  private static final Set<String> API_NAMED_BY_GENERATED_CODE = Set.of(
      "Attribute", "Attributes", "AttributeValue", "DeliveryMode", "ErrorTypes", "MaxValues",
      "MeteredRuntime", "Metric", "MetricSink", "SeriesTable", "testing.RecordingSink");
  private static final Path SAMPLE = Path.of("..", "docs", "generated-sample");
  private static final Pattern RUNTIME_NAME = Pattern.compile("\\bdev\\.metered\\.runtime\\.((?:[a-z]+\\.)*[A-Z]\\w*)");

  @Test
  void everyRuntimeTypeTheGeneratorNamesIsApiOrInternal() throws IllegalAccessException {
    List<String> named = new ArrayList<>();
    for (Field field : RuntimeTypes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ClassName.class) {
        ClassName type = (ClassName) field.get(null);
        if (type.packageName().startsWith(API)) {
          named.add(type.canonicalName().substring(API.length() + 1));
        }
      }
    }
    assertThat(named).isNotEmpty().allSatisfy(RuntimeTypesTest::assertApiOrInternal);
  }

  @Test
  void theGeneratedSampleNamesOnlyApiAndInternalTypes() throws IOException {
    Set<String> named = new TreeSet<>();
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
        Matcher matcher = RUNTIME_NAME.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (matcher.find()) {
          named.add(matcher.group(1));
        }
      }
    }
    assertThat(named).as("the sample names runtime types").contains("Metric", "internal.Dimension")
        .allSatisfy(RuntimeTypesTest::assertApiOrInternal);
  }

  /** {@code relativeName}: a runtime type's name after {@code dev.metered.runtime.}. */
  @Test
  void theLargestGeneratedTableIsTheLargestTheRuntimeTakes() {
    // The processor does not depend on the runtime, so it keeps its own copy of the limit.
    assertThat(SeriesPlan.MAX_TABLE_SIZE).isEqualTo(dev.metered.runtime.SeriesTable.MAX_SIZE);
  }

  private static void assertApiOrInternal(String relativeName) {
    assertThat(relativeName.startsWith("internal.") || API_NAMED_BY_GENERATED_CODE.contains(relativeName))
        .as("%s.%s is neither in %s nor an API type generated code may name", API, relativeName, INTERNAL)
        .isTrue();
    assertThat(exists(API + "." + relativeName)).as("%s.%s exists in the runtime", API, relativeName).isTrue();
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className, false, RuntimeTypesTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException notThere) {
      return false;
    }
  }
}
