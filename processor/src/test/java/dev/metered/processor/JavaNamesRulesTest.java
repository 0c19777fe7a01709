package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.processor.model.JavaNames;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names {@link JavaNames} makes, checked against its documented rules written as regular
 * expressions: its own code uses character loops, which are cheaper in the processor's cold code.
 */
class JavaNamesRulesTest {
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
  private static final Pattern NOT_CONSTANT_CHARACTER = Pattern.compile("[^A-Z0-9_]");
  private static final String ALPHABET = "aZ09_.-/ :Ab9xX\t_-";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "command_type|CommandType|COMMAND_TYPE",
      "__a__b__|AB|__A__B__",
      "2xx|_2xx|_2XX",
      "text/html|TextHtml|TEXT_HTML",
      "-|Unnamed|VALUE_",
      "a.b-c d|ABCD|A_B_C_D",
      "class|Class|CLASS",
  })
  void documentedExamples(String key, String typeName, String constantName) {
    assertThat(JavaNames.typeName(key)).isEqualTo(typeName);
    assertThat(JavaNames.constantName(key)).isEqualTo(constantName);
  }

  @Test
  void theEmptyValueIsAConstantToo() {
    assertThat(JavaNames.constantName("")).isEqualTo("VALUE");
  }

  @Test
  void asciiKeysFollowTheRulesAsWrittenWithRegularExpressions() {
    Random random = new Random(20261201L);
    for (int i = 0; i < 5_000; i++) {
      StringBuilder key = new StringBuilder();
      int length = random.nextInt(12);
      for (int j = 0; j < length; j++) {
        key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String text = key.toString();
      assertThat(JavaNames.typeName(text)).as(text).isEqualTo(typeNameByRule(text));
      assertThat(JavaNames.constantName(text)).as(text).isEqualTo(constantNameByRule(text));
    }
  }

  /** Each run of letters and digits, its first character upper-cased; then made a Java name. */
  private static String typeNameByRule(String key) {
    StringBuilder name = new StringBuilder();
    for (String part : NOT_ALPHANUMERIC.split(key)) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String safe = name.length() == 0 ? "Unnamed" : name.toString();
    while (!SourceVersion.isName(safe)) {
      safe = "_" + safe;
    }
    return safe;
  }

  /** Upper case, every character but letters, digits and _ made _, then VALUE or _ in front. */
  private static String constantNameByRule(String wireValue) {
    String upper = NOT_CONSTANT_CHARACTER.matcher(wireValue.toUpperCase(Locale.ROOT)).replaceAll("_");
    if (upper.chars().allMatch(c -> c == '_')) {
      return "VALUE" + upper;
    }
    return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
  }
}
