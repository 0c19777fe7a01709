package dev.metered.runtime;

import java.util.Objects;

/**
 * The process-wide sink that generated recorders use unless they are given one.
 *
 * <p>It is {@link SentrySink} by default. Tests, or applications that route metrics elsewhere,
 * replace it with {@link #setGlobalSink(MetricSink)}; recorders created before the change follow
 * it, because they hold the global sink's forwarder rather than its current target.
 */
public final class MeteredRuntime {
  private static final ForwardingSink GLOBAL = new ForwardingSink(SentrySink.instance());

  private MeteredRuntime() {}

  /** The global sink: forwards to whatever {@link #setGlobalSink} last set, Sentry by default. */
  public static MetricSink globalSink() {
    return GLOBAL;
  }

  /** Sends what recorders using the global sink record to {@code sink} from now on. */
  public static void setGlobalSink(MetricSink sink) {
    GLOBAL.target = Objects.requireNonNull(sink, "sink");
  }

  /** Sends what recorders using the global sink record to Sentry again. */
  public static void resetGlobalSink() {
    GLOBAL.target = SentrySink.instance();
  }

  private static final class ForwardingSink implements MetricSink {
    private volatile MetricSink target;

    ForwardingSink(MetricSink target) {
      this.target = target;
    }

    @Override
    public boolean isEnabled() {
      return target.isEnabled();
    }

    @Override
    public void record(Metric metric, double value, Attributes attributes) {
      target.record(metric, value, attributes);
    }

    @Override
    public String toString() {
      return "global sink -> " + target;
    }
  }
}
