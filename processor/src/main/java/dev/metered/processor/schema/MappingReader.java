package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Suggestions;
import dev.metered.processor.schema.YamlNode.ScalarKind;
import java.util.List;
import java.util.Locale;

/**
 * Reads the entries of one YAML mapping by key, reporting unknown keys (with the nearest known
 * one), missing keys and values of the wrong type. Each accessor returns {@code null} after
 * reporting, so that reading goes on and one compilation shows every mistake.
 */
final class MappingReader {
  private final YamlNode.Mapping mapping;
  private final String where;
  private final Diagnostics diagnostics;

  /**
   * @param where what the mapping is, for messages, for example "metric 'bot.command.usage'"
   * @param knownKeys every key this mapping may hold
   */
  MappingReader(YamlNode.Mapping mapping, String where, List<String> knownKeys, Diagnostics diagnostics) {
    this.mapping = mapping;
    this.where = where;
    this.diagnostics = diagnostics;
    for (YamlNode.Entry entry : mapping.entries()) {
      if (!knownKeys.contains(entry.key().text())) {
        diagnostics.error(
            DiagnosticCode.SCHEMA_UNKNOWN_KEY,
            entry.key().position(),
            "unknown key '" + entry.key().shown() + "' in " + where
                + Suggestions.didYouMean(entry.key().text(), knownKeys)
                + " (known keys: " + String.join(", ", knownKeys) + ")");
      }
    }
  }

  /** The value under {@code key}, or {@code null} when absent. */
  YamlNode node(String key) {
    YamlNode.Entry entry = mapping.entry(key);
    return entry == null ? null : entry.value();
  }

  /** The value under {@code key}, reporting it missing when absent. */
  YamlNode required(String key, String hint) {
    YamlNode node = node(key);
    if (node == null) {
      diagnostics.error(
          DiagnosticCode.SCHEMA_MISSING_KEY,
          mapping.position(),
          where + " has no '" + key + "'; add " + hint);
    }
    return node;
  }

  /** A plain string (not a number, boolean or null) under {@code key}, or {@code null}. */
  YamlNode.Scalar string(String key) {
    YamlNode node = node(key);
    return node == null ? null : asString(node, "'" + key + "' of " + where, diagnostics);
  }

  /** Like {@link #string} but reports a missing key. */
  YamlNode.Scalar requiredString(String key, String hint) {
    YamlNode node = required(key, hint);
    return node == null ? null : asString(node, "'" + key + "' of " + where, diagnostics);
  }

  /** Any scalar under {@code key} (its text is what counts), or {@code null}. */
  YamlNode.Scalar scalar(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() != ScalarKind.NULL) {
      return scalar;
    }
    wrongType(node, "'" + key + "' of " + where, "a single value", diagnostics);
    return null;
  }

  /** A boolean under {@code key}; {@code fallback} when absent or wrong. */
  boolean bool(String key, boolean fallback) {
    YamlNode node = node(key);
    if (node == null) {
      return fallback;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
      return Boolean.parseBoolean(scalar.text().toLowerCase(Locale.ROOT));
    }
    wrongType(node, "'" + key + "' of " + where, "true or false", diagnostics);
    return fallback;
  }

  /** A positive integer under {@code key}, or {@code null}. */
  Integer positiveInt(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.INTEGER) {
      try {
        int value = Integer.parseInt(scalar.text().replace("+", ""));
        if (value > 0) {
          return value;
        }
      } catch (NumberFormatException tooLarge) {
        // reported below
      }
      diagnostics.error(
          DiagnosticCode.SCHEMA_BAD_VALUE,
          scalar.position(),
          "'" + key + "' of " + where + " must be a whole number from 1 to " + Integer.MAX_VALUE
              + ", not " + scalar.shown());
      return null;
    }
    wrongType(node, "'" + key + "' of " + where, "a whole number", diagnostics);
    return null;
  }

  /** A mapping under {@code key}, or {@code null}. */
  YamlNode.Mapping mapping(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (node instanceof YamlNode.Mapping nested) {
      return nested;
    }
    wrongType(node, "'" + key + "' of " + where, "a mapping", diagnostics);
    return null;
  }

  /** The scalars of a list under {@code key}, or {@code null}. */
  List<YamlNode.Scalar> scalarList(String key) {
    YamlNode node = node(key);
    if (node == null) {
      return null;
    }
    if (!(node instanceof YamlNode.Sequence sequence)) {
      wrongType(node, "'" + key + "' of " + where, "a list, for example [a, b]", diagnostics);
      return null;
    }
    boolean ok = true;
    for (YamlNode item : sequence.items()) {
      if (!(item instanceof YamlNode.Scalar scalar) || scalar.kind() == ScalarKind.NULL) {
        wrongType(item, "an item of '" + key + "' of " + where, "a single value", diagnostics);
        ok = false;
      }
    }
    return ok ? sequence.items().stream().map(YamlNode.Scalar.class::cast).toList() : null;
  }

  /** {@code node} as a plain string, or {@code null} after reporting its type. */
  static YamlNode.Scalar asString(YamlNode node, String what, Diagnostics diagnostics) {
    if (node instanceof YamlNode.Scalar scalar && scalar.kind() == ScalarKind.STRING) {
      return scalar;
    }
    wrongType(node, what, "a string", diagnostics);
    return null;
  }

  static void wrongType(YamlNode node, String what, String expected, Diagnostics diagnostics) {
    diagnostics.error(
        DiagnosticCode.SCHEMA_WRONG_TYPE,
        node.position(),
        what + " must be " + expected + ", not " + node.describe());
  }
}
