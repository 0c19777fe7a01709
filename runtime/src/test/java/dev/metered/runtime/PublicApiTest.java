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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The user's API in {@code dev.metered.runtime} stays what it is on purpose: a type that only
 * generated code needs belongs in {@code dev.metered.runtime.internal}, and an internal type shows
 * in a public signature only where generated code makes something.
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
      Class<?> type = Class.forName("dev.metered.runtime." + name);
      List<Executable> members = new ArrayList<>(Arrays.asList(type.getConstructors()));
      members.addAll(Arrays.asList(type.getMethods()));
      for (Executable member : members) {
        Stream<Class<?>> used = Stream.concat(Arrays.stream(member.getParameterTypes()),
            member instanceof Method method ? Stream.of(method.getReturnType()) : Stream.empty());
        String signature = signature(member);
        if (used.anyMatch(PublicApiTest::isInternal) && !INTERNAL_PARAMETERS_ALLOWED.contains(signature)) {
          leaks.add(signature);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static boolean isInternal(Class<?> type) {
    Class<?> element = type.isArray() ? type.getComponentType() : type;
    return element.getPackageName().equals("dev.metered.runtime.internal");
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
