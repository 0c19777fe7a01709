package dev.metered.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the processor's lists: every jar's merged, and a broken one named. */
class GeneratedClassListsTest {
  @TempDir Path one;
  @TempDir Path other;

  @Test
  void theListsTheProcessorWroteForTheTestApplicationAreRead() {
    GeneratedClassLists lists = GeneratedClassLists.read(getClass().getClassLoader());
    assertThat(lists.wrappers())
        .containsEntry("dev.metered.spring.shop.OrderService", "dev.metered.spring.shop.OrderService_Metered")
        .containsEntry("dev.metered.spring.shop.Ledger", "dev.metered.spring.shop.Ledger_Metered");
    assertThat(lists.recorders()).containsExactly("dev.metered.spring.shop.metrics.OrderMetrics");
  }

  @Test
  void theListsOfEveryJarAreMerged() throws IOException {
    write(one, GeneratedClassLists.WRAPPERS_RESOURCE, "# a comment\na.A=a.A_Metered\n");
    write(other, GeneratedClassLists.WRAPPERS_RESOURCE, "b.B=b.B_Metered\na.A=a.A_Metered\n");
    write(other, GeneratedClassLists.RECORDERS_RESOURCE, "b.metrics.BMetrics\n");
    GeneratedClassLists lists = GeneratedClassLists.read(loader());
    assertThat(lists.wrappers()).containsOnlyKeys("a.A", "b.B");
    assertThat(lists.recorders()).containsExactly("b.metrics.BMetrics");
  }

  @Test
  void aLineThatIsNotOriginalEqualsWrapperIsAnErrorWithItsPlace() throws IOException {
    write(one, GeneratedClassLists.WRAPPERS_RESOURCE, "a.A=a.A_Metered\na.B\n");
    assertThatThrownBy(() -> GeneratedClassLists.read(loader()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("wrappers.list:2: expected 'original=wrapper'")
        .hasMessageContaining("not 'a.B'");
  }

  @Test
  void twoWrappersForOneClassAreAnError() throws IOException {
    write(one, GeneratedClassLists.WRAPPERS_RESOURCE, "a.A=a.A_Metered\n");
    write(other, GeneratedClassLists.WRAPPERS_RESOURCE, "a.A=a.Other_Metered\n");
    assertThatThrownBy(() -> GeneratedClassLists.read(loader()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the class path holds two builds of a.A");
  }

  private URLClassLoader loader() throws IOException {
    // No parent's resources: only the two folders' lists.
    return new URLClassLoader(new URL[] {one.toUri().toURL(), other.toUri().toURL()}, null);
  }

  private static void write(Path root, String resource, String text) throws IOException {
    Path file = root.resolve(resource);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
