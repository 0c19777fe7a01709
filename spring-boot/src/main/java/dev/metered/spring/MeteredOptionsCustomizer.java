package dev.metered.spring;

import dev.metered.runtime.MeteredOptions;

/**
 * Changes the {@link MeteredOptions} the context configures the runtime with, after the
 * {@code metered.*} properties were applied: for what properties cannot say, such as an
 * exporter other than Sentry. Declare one as a bean.
 */
@FunctionalInterface
public interface MeteredOptionsCustomizer {
  /** Adds to or overrides the settings in {@code builder}. */
  void customize(MeteredOptions.Builder builder);
}
