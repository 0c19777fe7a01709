package dev.metered.processor.generate;

/**
 * Half characters: a UTF-16 surrogate without its other half has no UTF-8 form, so each escaper
 * decides what to write for one.
 */
final class Surrogates {
  private Surrogates() {}

  /** Whether the char at {@code i} is a surrogate without its other half. */
  static boolean isLone(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }
}
