package dev.metered.runtime;

import io.sentry.IScopes;
import io.sentry.Integration;
import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.SentryOptions;
import io.sentry.metrics.IMetricsApi;
import io.sentry.metrics.SentryMetricsParameters;
import java.lang.System.Logger.Level;

/**
 * Whether the Sentry SDK on the class path has every method the runtime calls. The metrics API,
 * {@code Sentry.metrics()}, came with io.sentry:sentry {@value #MINIMUM_VERSION}; an older SDK,
 * or none, would throw {@link LinkageError}s at the first data point. {@link SentrySink} asks
 * once, and with an unusable SDK is never enabled: recording does nothing, and one warning, the
 * first time something records to Sentry, says why.
 */
final class SentrySdk {
  /** The oldest io.sentry:sentry with everything the runtime calls ({@code Sentry.metrics()}). */
  static final String MINIMUM_VERSION = "8.30.0";

  private static final System.Logger LOGGER = System.getLogger("dev.metered.runtime");

  private SentrySdk() {}

  /** What the SDK lacks of what the runtime calls, said for the log; {@code null} when nothing. */
  static String problem() {
    try {
      requireMethods();
      return null;
    } catch (ReflectiveOperationException | LinkageError missing) {
      return "Metered: " + describeSdk() + " lacks " + missing.getMessage()
          + ", which Metered sends metrics through; it needs io.sentry:sentry " + MINIMUM_VERSION
          + " or later. Recording does nothing.";
    }
  }

  /** Logs {@code problem} as a warning; never throws. */
  static void warn(String problem) {
    try {
      LOGGER.log(Level.WARNING, problem);
    } catch (RuntimeException loggingFailed) {
      // A broken logger must not reach the caller.
    }
  }

  /**
   * Looks up every SDK method the runtime calls, by the types it was compiled against: a missing
   * class is a {@link NoClassDefFoundError}, a missing method a {@link NoSuchMethodException}.
   */
  private static void requireMethods() throws ReflectiveOperationException {
    Sentry.class.getMethod("isEnabled");
    Sentry.class.getMethod("flush", long.class);
    Sentry.class.getMethod("forkedScopes", String.class);
    Sentry.class.getMethod("metrics");
    IScopes.class.getMethod("isEnabled");
    IScopes.class.getMethod("flush", long.class);
    IScopes.class.getMethod("getOptions");
    IScopes.class.getMethod("metrics");
    SentryOptions.class.getMethod("addIntegration", Integration.class);
    for (String kind : new String[] {"count", "distribution", "gauge"}) {
      IMetricsApi.class.getMethod(kind, String.class, Double.class, String.class, SentryMetricsParameters.class);
    }
    SentryMetricsParameters.class.getMethod("create", SentryAttributes.class);
    SentryAttributes.class.getMethod("of", SentryAttribute[].class);
    SentryAttribute.class.getMethod("stringAttribute", String.class, String.class);
    SentryAttribute.class.getMethod("booleanAttribute", String.class, Boolean.class);
    SentryAttribute.class.getMethod("doubleAttribute", String.class, Double.class);
    SentryAttribute.class.getMethod("named", String.class, Object.class);
  }

  /** "io.sentry:sentry 8.20.0", or what is known of it; read at run time, not inlined by javac. */
  private static String describeSdk() {
    try {
      Object version = Class.forName("io.sentry.BuildConfig").getField("VERSION_NAME").get(null);
      return "the Sentry SDK on the class path (io.sentry:sentry " + version + ")";
    } catch (ReflectiveOperationException | LinkageError unknown) {
      return "the class path, which has no usable Sentry SDK,";
    }
  }
}
