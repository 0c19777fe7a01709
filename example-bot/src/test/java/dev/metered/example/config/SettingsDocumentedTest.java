package dev.metered.example.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The table of settings in the example bot's README.md names every setting with its default and
 * description, so it cannot go stale.
 */
class SettingsDocumentedTest {
  private static final Path README = Path.of("README.md");

  @Test
  void theReadmeListsEverySettingWithItsDefault() throws IOException {
    String readme = Files.readString(README);
    for (Setting setting : Setting.values()) {
      String row = "| `" + setting.name() + "` | ";
      assertThat(readme).as("README.md documents " + setting.name()).contains(row);
      String defaultCell =
          setting.defaultValue().isEmpty() ? "(unset)" : "`" + setting.defaultValue() + "`";
      assertThat(readme)
          .as("README.md gives the default of " + setting.name())
          .contains(row + defaultCell + " |");
      assertThat(readme)
          .as("README.md describes " + setting.name() + " as --help does")
          // A | inside a Markdown table cell is written \|.
          .contains(row + defaultCell + " | " + setting.description().replace("|", "\\|") + " |");
    }
  }
}
