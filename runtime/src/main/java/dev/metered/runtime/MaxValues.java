package dev.metered.runtime;

import java.util.Objects;

/**
 * How many distinct values a string or number attribute of a metric takes at most, as the
 * schema's {@code max_values} declares: per flush interval, a {@link DeliverySink} sends the first
 * {@code max} distinct values of the attribute as they are and every further one as
 * {@link DeliverySink#OVERFLOW_VALUE}, so that a metric's series stay within the schema's budget.
 *
 * @param key the attribute's key, for example {@code error_type}
 * @param max how many distinct values it keeps per interval; positive
 */
public record MaxValues(String key, int max) {
  /**
   * Checks the bound.
   *
   * @throws IllegalArgumentException when {@code max} is not positive
   */
  public MaxValues {
    Objects.requireNonNull(key, "key");
    if (max < 1) {
      throw new IllegalArgumentException("max_values of " + key + " is " + max + "; it must be positive");
    }
  }

  /** {@code key} keeps at most {@code max} distinct values per interval. */
  public static MaxValues of(String key, int max) {
    return new MaxValues(key, max);
  }
}
