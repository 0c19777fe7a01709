package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user's API in {@code dev.metered.runtime} stays what it is on purpose: a type that only
 * generated code needs belongs in {@code dev.metered.runtime.internal}, and an internal type shows
 * in a public signature only where generated code makes something. No public member hands out a
 * Sentry SDK type, and the sink interface and the series a sink reads offer what generated code
 * calls and a sink needs, no more.
 */
class PublicApiTest {
  /** What users write against; a new public type is added here on purpose, or goes to internal. */
  private static final Set<String> API = Set.of(
      "Attribute", "AttributeType", "AttributeValue", "Attributes", "DeliveryMode", "DeliverySink",
      "DeliveryStats", "ErrorTypes", "MaxValues", "MeteredOptions", "MeteredRuntime", "Metric",
      "MetricSink", "MetricType", "SentrySink", "Series", "SeriesTable");
  private static final Set<String> INTERNAL = Set.of("Dimension", "FallbackValues", "RecordingFailures");
  /** Where generated code makes an API object from internal parts. */
  private static final Set<String> INTERNAL_PARAMETERS_ALLOWED = Set.of("SeriesTable(Metric, Dimension[])");
  /**
   * The public members of the types a sink implements and reads: {@code MetricSink} has the two
   * calls generated recorders make, the one every sink implements being one of them.
   */
  private static final Map<String, Set<String>> SINK_MEMBERS = Map.of(
      "MetricSink", Set.of("MetricSink.isEnabled()", "MetricSink.record(Metric, double, Attributes)",
          "MetricSink.record(SeriesTable, int, double)", "MetricSink.flush(Duration)"),
      "Series", Set.of("Series.metric()", "Series.attributes()",
          "Series.equals(Object)", "Series.hashCode()", "Series.toString()"),
      "SeriesTable", Set.of("SeriesTable(Metric, Dimension[])", "SeriesTable.metric()", "SeriesTable.size()",
          "SeriesTable.get(int)", "SeriesTable.toString()"));

  @Test
  void theApiPackageHoldsTheUsersTypesOnly() throws Exception {
    assertThat(publicTypes("dev.metered.runtime")).containsExactlyInAnyOrderElementsOf(API);
  }

  @Test
  void theInternalPackageHoldsWhatOnlyGeneratedCodeCalls() throws Exception {
    assertThat(publicTypes("dev.metered.runtime.internal")).containsExactlyInAnyOrderElementsOf(INTERNAL);
  }

  @Test
  void noPublicMemberOfTheApiTakesOrReturnsAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String name : API) {
      for (Executable member : publicMembers(Class.forName("dev.metered.runtime." + name))) {
        String signature = signature(member);
        if (typesUsedBy(member).anyMatch(PublicApiTest::isInternal) && !INTERNAL_PARAMETERS_ALLOWED.contains(signature)) {
          leaks.add(signature);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void noPublicMemberOfTheApiTakesOrReturnsASentryType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String name : API) {
      for (Executable member : publicMembers(Class.forName("dev.metered.runtime." + name))) {
        if (typesUsedBy(member).anyMatch(type -> type.getPackageName().startsWith("io.sentry"))) {
          leaks.add(signature(member));
        }
      }
    }
    assertThat(leaks).as("the SDK's types stay inside the runtime").isEmpty();
  }

  @Test
  void theSinkInterfaceAndWhatASinkReadsHoldNoMoreThanTheyNeed() throws Exception {
    for (Map.Entry<String, Set<String>> pinned : SINK_MEMBERS.entrySet()) {
      Class<?> type = Class.forName("dev.metered.runtime." + pinned.getKey());
      List<Executable> declared = new ArrayList<>(Arrays.asList(type.getDeclaredConstructors()));
      declared.addAll(Arrays.asList(type.getDeclaredMethods()));
      List<String> members = declared.stream()
          .filter(member -> Modifier.isPublic(member.getModifiers()) && !member.isSynthetic())
          .map(PublicApiTest::signature).toList();
      assertThat(members).as(pinned.getKey()).containsExactlyInAnyOrderElementsOf(pinned.getValue());
    }
  }

  private static List<Executable> publicMembers(Class<?> type) {
    List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
    members.addAll(Arrays.asList(type.getMethods()));
    return members;
  }

  /** The parameter types and return type of {@code member}, arrays by their element type. */
  private static Stream<Class<?>> typesUsedBy(Executable member) {
    return Stream.concat(Arrays.stream(member.getParameterTypes()),
            member instanceof Method method ? Stream.of(method.getReturnType()) : Stream.empty())
        .map(type -> type.isArray() ? type.getComponentType() : type);
  }

  private static boolean isInternal(Class<?> type) {
    return type.getPackageName().equals("dev.metered.runtime.internal");
  }

  private static String signature(Executable member) {
    String owner = member.getDeclaringClass().getSimpleName();
    String name = member instanceof Method ? owner + "." + member.getName() : owner;
    return name + "(" + String.join(", ", Arrays.stream(member.getParameterTypes()).map(Class::getSimpleName).toList()) + ")";
  }

  /** The simple names of the public top-level types compiled into {@code packageName}. */
  private static Set<String> publicTypes(String packageName) throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(Metric.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(classes.resolve(packageName.replace('.', '/')))) {
      for (Path file : files.toList()) {
        String fileName = file.getFileName().toString();
        if (fileName.endsWith(".class") && !fileName.contains("$") && !fileName.equals("package-info.class")) {
          String simpleName = fileName.substring(0, fileName.length() - ".class".length());
          if (Modifier.isPublic(Class.forName(packageName + "." + simpleName).getModifiers())) {
            names.add(simpleName);
          }
        }
      }
    }
    return names;
  }
}
