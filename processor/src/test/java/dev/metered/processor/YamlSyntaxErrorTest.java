package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.processor.SchemaErrorTest.Case;
import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.schema.SchemaFile;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The YAML slips people make in a schema are each one error, at the line that is out of place,
 * in words that name the slip: indentation too deep or too little, no space after a ':', a tab,
 * a quote or bracket never closed, a list where a mapping belongs and a mapping where a list
 * does. Read without javac, through the processor's own pipeline.
 */
class YamlSyntaxErrorTest {
  /** {@link SchemaErrorTest#VALID}: the line numbers below are its own. */
  private static final String VALID = SchemaErrorTest.VALID;

  static Stream<Case> slips() {
    return Stream.of(
        // Indentation
        new Case("a key indented deeper than the key above, which has its value",
            VALID.replace("namespace: bot", "  namespace: bot"), "MeteredSchemaSyntax", 2, 3,
            "wrong indentation: 'namespace' is indented to column 3, deeper than 'schema' on line 1,"
                + " which already has its value, so YAML reads this line as more of that value;"
                + " indent it to column 1 to make it a key beside that one"),
        new Case("a nested key indented deeper than its sibling",
            VALID.replace("      duration: double\n", "      duration: double\n        retries: integer\n"),
            "MeteredSchemaSyntax", 12, 9, "wrong indentation: 'retries' is indented to column 9, deeper than 'duration' on line 11"),
        new Case("a key indented deeper than its siblings after a flow value",
            VALID.replace("      success: boolean", "        success: boolean"), "MeteredSchemaSyntax", 9, 9,
            "wrong indentation: line 9 is indented to column 9, deeper than the keys beside it at column 7"
                + " (from line 7), and the line above has no key to nest it under; indent it to column 7"),
        new Case("a key indented one space too little",
            VALID.replace("      success: boolean", "     success: boolean"), "MeteredSchemaSyntax", 9, 6,
            "wrong indentation: line 9 is indented to column 6, between the levels above it: indent it"
                + " to column 7 to line up with 'command_type' (line 8), or to column 5 to line up with"
                + " 'attributes' (line 6)"),
        new Case("a family key indented too little",
            VALID.replace("    metrics:", "   metrics:"), "MeteredSchemaSyntax", 12, 4,
            "wrong indentation: line 12 is indented to column 4, between the levels above it: indent it"
                + " to column 5 to line up with 'inputs' (line 10), or to column 3 to line up with 'command' (line 5)"),
        new Case("a key indented to its parent's level: a key the parent does not know",
            VALID.replace("      success: boolean", "    success: boolean"), "MeteredSchemaUnknownKey", 9, 5,
            "unknown key 'success' in family 'command'"),
        // No space after ':'
        new Case("no space after a key's ':'",
            VALID.replace("namespace: bot", "namespace:bot"), "MeteredSchemaSyntax", 2, 10,
            "no space after this ':' in 'namespace:bot', so YAML reads the line as one word, not a key"
                + " and its value; put a space after the ':'"),
        new Case("no space after a nested key's ':'",
            VALID.replace("success: boolean", "success:boolean"), "MeteredSchemaSyntax", 9, 14,
            "no space after this ':' in 'success:boolean'"),
        new Case("no space after a ':' in a flow mapping: one error, not an unknown and a missing key",
            VALID.replace("{type: enum, values: [ping, info]}", "{type:enum, values: [ping, info]}"),
            "MeteredSchemaSyntax", 7, 17,
            "no space after the ':' in 'type:enum', so YAML reads it as one key with no value"),
        new Case("a key with no ':' at all",
            VALID.replace("namespace: bot", "namespace bot"), "MeteredSchemaSyntax", 2, 1,
            "this line has no ':' after its key"),
        // Tabs
        new Case("a tab in the indentation",
            VALID.replace("      success: boolean", "\tsuccess: boolean"), "MeteredSchemaSyntax", 9, 1,
            "a tab in this line's indentation; YAML indents with spaces only: replace it with spaces"),
        new Case("a tab after a ':'",
            VALID.replace("success: boolean", "success:\tboolean"), "MeteredSchemaSyntax", 9, 15,
            "a tab character, which YAML takes only inside quotes here; replace it with a space"),
        // Quotes, brackets and braces left open
        new Case("a double quote never closed",
            VALID.replace("namespace: bot", "namespace: \"bot"), "MeteredSchemaSyntax", 2, 12,
            "the quote \" opened here is never closed, so the rest of the file reads as one value; end the value with \""),
        new Case("a single quote never closed",
            VALID.replace("success: boolean", "success: 'boolean"), "MeteredSchemaSyntax", 9, 16,
            "the quote ' opened here is never closed"),
        new Case("a '[' closed with '}'",
            VALID.replace("[ping, info]}", "[ping, info}"), "MeteredSchemaSyntax", 7, 37,
            "the '[' opened here is not closed: at line 7, column 48 the parser found '}' before its ']';"
                + " close it where its value ends"),
        new Case("a '[' never closed on its line",
            VALID.replace("[ping, info]}", "[ping, info"), "MeteredSchemaSyntax", 7, 37,
            "the '[' opened here is not closed: at line 8, column 19 the parser found ':' before its ']'"),
        new Case("a '{' never closed on its line",
            VALID.replace("{type: enum, values: [ping, info]}", "{type: enum, values: [ping, info]"),
            "MeteredSchemaSyntax", 7, 16, "the '{' opened here is not closed: at line 8, column 7 the parser found more text before its '}'"),
        new Case("a '{' on the last line never closed",
            VALID.replace("value: duration}", "value: duration"), "MeteredSchemaSyntax", 14, 25,
            "the parser found the end of the file before its '}'"),
        // ': ' inside a value
        new Case("a ': ' inside an unquoted block value",
            VALID.replace("    inputs:", "    description: Time: in ms\n    inputs:"), "MeteredSchemaSyntax", 10, 22,
            "a ': ' inside a value that is not quoted, where YAML sees a second key; quote the value"),
        new Case("a ': ' inside an unquoted flow value",
            VALID.replace("bot.command.usage: counter", "bot.command.usage: {type: counter, description: Time: in ms}"),
            "MeteredSchemaSyntax", 13, 59,
            "a ': ' inside a value of the '{...}' that starts at column 26, where YAML expects ',' or '}'; quote the value"),
        // A list where a mapping belongs, and a mapping where a list does
        new Case("a list item among a mapping's keys",
            VALID.replace("      success: boolean", "      - success: boolean"), "MeteredSchemaSyntax", 9, 7,
            "a list item ('- ') where the mapping that starts at line 7 expects a key: this part of the"
                + " schema is a mapping of names to values, not a list; remove the '- '"),
        new Case("a list where the families mapping belongs",
            VALID.replace("  command:\n", "  - command:\n"), "MeteredSchemaWrongType", 5, 3,
            "'families' must be a mapping of family names to families, not a list"),
        new Case("a key among a list's items",
            VALID.replace("command: {type: enum, values: [ping, info]}",
                "command:\n        type: enum\n        values:\n          - ping\n          info: x"),
            "MeteredSchemaSyntax", 11, 11,
            "a key where the list that starts at line 10 expects another '- ' item: this part of the"
                + " schema is a list, not a mapping"),
        new Case("a mapping where a list belongs",
            VALID.replace("values: [ping, info]", "values: {ping: 1}"), "MeteredSchemaWrongType", 7, 37,
            "'values' of attribute 'command' must be a list, for example [a, b], not a mapping"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slips")
  void aSlipIsOneErrorAtTheLineOutOfPlaceThatNamesIt(Case slip) {
    Diagnostics diagnostics = new Diagnostics();
    SchemaFile.decode("metrics.yaml", slip.schema().getBytes(StandardCharsets.UTF_8), diagnostics)
        .flatMap(file -> new SchemaPipeline(diagnostics).read(file));

    assertThat(diagnostics.all()).as("one error per slip").hasSize(1);
    Diagnostic error = diagnostics.all().get(0);
    assertThat(error.formatted())
        .startsWith("[" + slip.code() + "] metrics.yaml:" + slip.line() + ":" + slip.column() + ": ")
        .contains(slip.messagePart());
  }
}
