package dev.metered.processor.lint;

import java.util.Locale;

/** What a lint rule's finding is: a compile error, a warning, or nothing. */
public enum Severity {
  ERROR,
  WARNING,
  OFF;

  /** The severity written {@code text} ({@code error}, {@code warning}, {@code off}), or {@code null}. */
  public static Severity parse(String text) {
    for (Severity severity : values()) {
      if (severity.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
        return severity;
      }
    }
    return null;
  }
}
