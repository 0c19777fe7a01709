package dev.metered.runtime.testing;

import java.util.Collection;

/**
 * "Did you mean ...?" for a metric name that is almost right: the processor's rule for schema
 * names ({@code diagnostic.Suggestions}), which the runtime cannot depend on.
 */
final class NearestName {
  private NearestName() {}

  /**
   * {@code "; did you mean 'x'?"} naming the candidate nearest to {@code given}, or {@code ""}
   * when none is near enough to be a likely typo: at most a third of the name wrong.
   */
  static String didYouMean(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(given, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, given.length() / 3)
        ? "; did you mean '" + best + "'?"
        : "";
  }

  /** Levenshtein distance, on two rows. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
