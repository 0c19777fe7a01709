package dev.metered.runtime;

import io.sentry.IScopes;
import io.sentry.NoOpScopes;
import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.SentryOptions;
import io.sentry.metrics.IMetricsApi;
import io.sentry.metrics.NoOpMetricsApi;
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
      Linker.linkEveryCall();
      return null;
    } catch (LinkageError missing) {
      return "Metered: " + describeSdk() + " lacks " + missing.getMessage()
          + ", which Metered sends metrics through; it needs io.sentry:sentry " + MINIMUM_VERSION
          + " or later. Recording does nothing.";
    }
  }

  /**
   * Whether the SDK's own metrics switch is on in {@code options}: {@code
   * options.getMetrics().setEnabled(false)}, or {@code metrics.enabled=false} in Sentry's external
   * configuration, turns it off. io.sentry:sentry 8.30.0 honoured it in {@code Sentry.metrics()};
   * 8.62.0 and 8.63.0 keep the option but read it nowhere (their javadoc: it governs "automatic
   * Metrics integrations", which a {@code @Metered} wrapper is), so the runtime reads it itself.
   * An SDK without the option (sentry-java PR #5953 proposes removing it) counts as on.
   */
  static boolean metricsSwitchOn(SentryOptions options) {
    return !MetricsSwitch.EXISTS || MetricsSwitch.isOn(options);
  }

  /**
   * The one call to {@code SentryOptions.Metrics.isEnabled()}, in a class of its own: an SDK
   * that lacks it fails only {@link #EXISTS}'s probe, once, and the call is never made again.
   */
  private static final class MetricsSwitch {
    static final boolean EXISTS = probe();

    private MetricsSwitch() {}

    static boolean isOn(SentryOptions options) {
      return options.getMetrics().isEnabled();
    }

    private static boolean probe() {
      try {
        isOn(NoOpScopes.getInstance().getOptions());
        return true;
      } catch (LinkageError noSwitch) {
        return false;
      }
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
   * The calls into the SDK, apart from {@link SentrySdk}: the JVM links a class's references when
   * it first verifies it, so an SDK class missing here fails that class's loading, inside
   * {@link #problem()}'s {@code catch}, not {@code SentrySdk}'s own.
   */
  private static final class Linker {
    private Linker() {}

    /**
     * Makes, once, each call the runtime makes into the SDK on the SDK's no-op objects, so that the
     * JVM links them: a missing class is a {@link NoClassDefFoundError}, a missing method a
     * {@link NoSuchMethodError}, and nothing is sent or changed. {@code Sentry.flush},
     * {@code Sentry.forkedScopes} and {@code SentryOptions.addIntegration} are older than 8.0 and
     * would have side effects, so only the no-op scopes stand for them.
     */
    static void linkEveryCall() {
      Sentry.isEnabled();
      Sentry.getCurrentScopes();
      Sentry.metrics();
      IScopes scopes = NoOpScopes.getInstance();
      scopes.isEnabled();
      scopes.flush(0);
      scopes.getOptions();
      scopes.metrics();
      SentryMetricsParameters parameters = SentryMetricsParameters.create(SentryAttributes.of(
          SentryAttribute.stringAttribute("probe", "probe"),
          SentryAttribute.booleanAttribute("probe", true),
          SentryAttribute.doubleAttribute("probe", 1.0),
          SentryAttribute.named("probe", "probe")));
      IMetricsApi metrics = NoOpMetricsApi.getInstance();
      metrics.count("probe", 1.0, null, parameters);
      metrics.distribution("probe", 1.0, null, parameters);
      metrics.gauge("probe", 1.0, null, parameters);
    }
  }

  /**
   * The SDK's version, from its own options; a class apart from {@link Linker}, so that an SDK
   * that fails to link still names its version.
   */
  private static final class Version {
    private Version() {}

    static String of() {
      return new SentryOptions().getSdkVersion().getVersion();
    }
  }

  /** "the Sentry SDK on the class path (io.sentry:sentry 8.20.0)", or what is known of it. */
  private static String describeSdk() {
    try {
      return "the Sentry SDK on the class path (io.sentry:sentry " + Version.of() + ")";
    } catch (LinkageError | RuntimeException unknown) {
      return "the class path, which has no usable Sentry SDK,";
    }
  }
}
