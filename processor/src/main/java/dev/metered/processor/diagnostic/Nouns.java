package dev.metered.processor.diagnostic;

/** Nouns in messages, with the article English puts before them. */
public final class Nouns {
  private Nouns() {}

  /**
   * {@code noun} after "a" or "an": "an integer", "an enum", "an annotation type", "a string",
   * "a record". The words messages use all start as they are spelled, so the first letter decides.
   */
  public static String withArticle(String noun) {
    boolean vowel = !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + noun;
  }
}
