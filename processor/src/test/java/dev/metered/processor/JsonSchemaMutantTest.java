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
import java.util.regex.Pattern;
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

  /** "must be a whole number, not a number ('1e3')" with a whole value. */
  private static final Pattern WHOLE_FLOAT = Pattern.compile(
      "must be a whole number, not a number \\('[+-]?(\\d+(\\.0*)?([eE]\\+?\\d+)?|\\d+\\.0*)'\\)");

  @Test
  void theJsonSchemaJudgesTheMutantsAsTheProcessorDoes() throws IOException {
    String base = MutationTest.inProcess(Files.readString(MutationTest.BASE, StandardCharsets.UTF_8));
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
      } else if (outcome.codes().stream().anyMatch(KEY_AND_TYPE_CODES::contains) && !onlyAWholeFloat(outcome)) {
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

  /**
   * Whether the mutant's only key or type error is a whole number written as a float ({@code
   * max_length: 1e3}, {@code 100.0}): YAML 1.2 reads a float there and the processor refuses it,
   * but JSON has one number type and draft-07 counts 1000.0 as an integer, so an editor cannot
   * see the difference. A gap of JSON Schema, not a disagreement to fix.
   */
  private static boolean onlyAWholeFloat(MutationTest.Outcome outcome) {
    List<String> keyAndType = outcome.diagnostics().stream()
        .filter(d -> d.code() != null && KEY_AND_TYPE_CODES.contains(d.code().code()))
        .map(d -> d.message())
        .toList();
    return keyAndType.stream().allMatch(message -> WHOLE_FLOAT.matcher(message).find());
  }
}
