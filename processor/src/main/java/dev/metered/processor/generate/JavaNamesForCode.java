package dev.metered.processor.generate;

import java.util.Locale;

/** Names of the recorder's private members, derived from schema keys. */
final class JavaNamesForCode {
  private JavaNamesForCode() {}

  /** {@code command_type} becomes {@code COMMAND_TYPE}. */
  static String upper(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
  }
}
