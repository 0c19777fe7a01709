package dev.metered.runtime;

import dev.metered.runtime.internal.RecordingFailures;
import java.time.Duration;
import java.util.Objects;

/**
 * The process-wide sink that generated recorders use unless they are given one.
 *
 * <p>It forwards to the {@link #defaultSink() default sink}, a {@link DeliverySink} sending to
 * Sentry with {@link MeteredOptions#defaults()}, until {@link #configure} gives it other
 * options. Tests, or applications that route metrics elsewhere, replace the target with
 * {@link #setGlobalSink(MetricSink)}; recorders created before any change follow it, because they
 * hold the global sink's forwarder rather than its current target.
 *
 * <pre>{@code
 * Sentry.init(options -> options.setDsn(dsn));
 * MeteredRuntime.configure(MeteredOptions.builder().flushInterval(Duration.ofSeconds(30)).build());
 * ...
 * MeteredRuntime.close(); // or let JVM shutdown, or Sentry.close(), send the last aggregates
 * }</pre>
 */
public final class MeteredRuntime {
  private static final Object LOCK = new Object();
  private static DeliverySink defaultSink = new DeliverySink(MeteredOptions.defaults());
  private static final ForwardingSink GLOBAL = new ForwardingSink(defaultSink);

  private MeteredRuntime() {}

  /** The global sink: forwards to whatever {@link #setGlobalSink} last set, the default sink at first. */
  public static MetricSink globalSink() {
    return GLOBAL;
  }

  /** The delivery sink to Sentry that the global sink forwards to unless told otherwise. */
  public static DeliverySink defaultSink() {
    synchronized (LOCK) {
      return defaultSink;
    }
  }

  /**
   * Replaces the default sink with one made with {@code options}. The previous one is closed
   * first, so what it aggregated is sent. If the global sink forwarded to it, it forwards to the
   * new one.
   */
  public static DeliverySink configure(MeteredOptions options) {
    DeliverySink replacement = new DeliverySink(options);
    DeliverySink previous;
    synchronized (LOCK) {
      previous = defaultSink;
      defaultSink = replacement;
      if (GLOBAL.target == previous) {
        GLOBAL.target = replacement;
      }
    }
    previous.close();
    return replacement;
  }

  /** Sends what recorders using the global sink record to {@code sink} from now on. */
  public static void setGlobalSink(MetricSink sink) {
    GLOBAL.target = Objects.requireNonNull(sink, "sink");
  }

  /** Sends what recorders using the global sink record to the default sink again. */
  public static void resetGlobalSink() {
    GLOBAL.target = defaultSink();
  }

  /** What the default sink has sent, sampled and dropped so far. */
  public static DeliveryStats stats() {
    return defaultSink().stats();
  }

  /**
   * How many recordings failed in this process so far and were dropped rather than thrown into
   * their caller: a sink that threw, a {@code null} passed for a required value. The first failure
   * is logged, with its stack trace; this count says how many followed, whichever sink they used.
   */
  public static long recordingFailures() {
    return RecordingFailures.count();
  }

  /**
   * Closes the default sink: sends the last aggregates, flushes Sentry and logs what was
   * dropped, within {@link MeteredOptions#closeTimeout()}. Call it before {@code Sentry.close()},
   * or rely on JVM shutdown or on Sentry's close, both of which send the aggregates too.
   * Recording afterwards does nothing but count the call as dropped; {@link #configure} makes a
   * new default sink.
   */
  public static void close() {
    defaultSink().close();
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
    public void record(SeriesTable table, int index, double value) {
      target.record(table, index, value);
    }

    @Override
    public void flush(Duration timeout) {
      target.flush(timeout);
    }

    @Override
    public String toString() {
      return "global sink -> " + target;
    }
  }
}
