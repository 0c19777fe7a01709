package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.schema.MetricsJsonSchemaTest;
import dev.metered.processor.schema.YamlNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema editors use and the processor agree on {@link MutationTest}'s mutants of the
 * example bot's schema: what the processor accepts, the JSON Schema accepts (an editor never
 * flags a schema that compiles), and a mutant the reader rejects for a key or a type the JSON
 * Schema rejects too.
 */
class JsonSchemaMutantTest {
  /** The reader's codes for a schema's keys, its values' types and its lint section. */
  private static final Set<String> KEY_AND_TYPE_CODES = Set.of(
      "MeteredSchemaUnknownKey", "MeteredSchemaMissingKey", "MeteredSchemaWrongType", "MeteredSchemaVersion",
      "MeteredBadLintConfig");

  @Test
  void theJsonSchemaJudgesTheMutantsAsTheProcessorDoes() throws IOException {
    String base = Files.readString(MutationTest.BASE, StandardCharsets.UTF_8)
        .replace(MutationTest.FROM_HANDLERS, MutationTest.HANDLER_VALUES);
    List<String> disagreements = new ArrayList<>();
    int accepted = 0;
    int rejected = 0;
    for (int index = 0; index < MutationTest.MUTANTS; index++) {
      MutationTest.Mutant mutant = MutationTest.Mutant.of(base, index);
      Diagnostics loading = new Diagnostics();
      Optional<YamlNode> yaml = MetricsJsonSchemaTest.load(MutationTest.PATH, mutant.text(), loading);
      if (yaml.isEmpty() || !loading.all().isEmpty()) {
        continue; // not YAML, or keys twice: no editor schema is asked
      }
      MutationTest.Outcome outcome = MutationTest.run(mutant.bytes());
      boolean flagged = !MetricsJsonSchemaTest.validate(yaml.get()).isEmpty();
      if (outcome.accepted()) {
        accepted++;
        if (flagged) {
          disagreements.add(mutant.describe("the processor accepts it, the JSON Schema flags it: "
              + MetricsJsonSchemaTest.validate(yaml.get())));
        }
      } else if (outcome.codes().stream().anyMatch(KEY_AND_TYPE_CODES::contains)) {
        rejected++;
        if (!flagged) {
          disagreements.add(mutant.describe("the processor rejects a key or type, the JSON Schema accepts it\n"
              + outcome.describe()));
        }
      }
    }
    assertThat(disagreements).as("mutants judged differently").isEmpty();
    assertThat(accepted).as("accepted mutants compared").isGreaterThan(100);
    assertThat(rejected).as("mutants with key or type errors compared").isGreaterThan(300);
  }
}
