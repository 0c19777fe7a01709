package dev.metered.runtime;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sink between generated recorders and Sentry: it applies each metric's
 * {@link DeliveryMode}, aggregates, samples, and counts what it could not send.
 *
 * <ul>
 *   <li>{@link DeliveryMode#EVENT}: each call goes to the exporter at once.
 *   <li>{@link DeliveryMode#AGGREGATE}: counters are summed and gauges kept as their last value
 *       per series; a scheduler thread sends them every {@link MeteredOptions#flushInterval()},
 *       and {@link #close()} sends the rest.
 *   <li>{@link DeliveryMode#AUTO}: each call goes to the exporter at once while the
 *       {@link MeteredOptions#eventsPerSecond() budget} lasts; beyond it counters and gauges
 *       are aggregated and distributions sampled.
 * </ul>
 *
 * <p>Recording a counter or gauge that the sink always aggregates, into a series known at compile
 * time (a {@link SeriesTable}'s, by number), reads the aggregates the sink bound to the table and
 * adds at the series' slot: no lock, no hashing, no allocation. Nothing here throws into a
 * recorder but a {@link VirtualMachineError}: what else fails, an {@link Error} from the exporter
 * included, is counted in {@link #stats()} and reported through {@link RecordingFailures}.
 *
 * <p>With Sentry as the exporter, the sink sends its aggregates before Sentry closes (through
 * an integration it registers when it first sees Sentry enabled) and at JVM shutdown (through a
 * shutdown hook it registers then). Its threads are daemons and start only once Sentry, or the
 * configured exporter, is enabled.
 */
public final class DeliverySink implements MetricSink, AutoCloseable {
  /** The attribute that tells Sentry a data point stands for {@code 1 / rate} points. */
  public static final String SAMPLE_RATE_ATTRIBUTE = "sentry.client_sample_rate";
  /**
   * The value a string or number attribute is sent with once it has taken its {@link MaxValues}
   * distinct values in a flush interval: one series stands for all the rest (a string, whatever
   * the attribute's type). Counted in {@link DeliveryStats#folded()}.
   */
  public static final String OVERFLOW_VALUE = "__overflow__";

  private static final System.Logger LOGGER = System.getLogger("dev.metered.runtime");
  /** Aggregated points sent before the exporter is flushed, so no flush overflows the SDK's queue. */
  private static final int POINTS_PER_EXPORTER_FLUSH = 1_000;
  private static final int EXTRA_EXPORTER_FLUSHES = 2;
  private static final Duration SHORT_FLUSH = Duration.ofMillis(200);

  private final MeteredOptions options;
  private final MetricSink exporter;
  private final EventBudget budget;
  private final OverflowSampler sampler;
  private final SentryLifecycle sentry;
  private final boolean scheduled;

  private final LongAdder eventPoints = new LongAdder();
  private final LongAdder aggregatedPoints = new LongAdder();
  private final LongAdder sampledPoints = new LongAdder();
  private final LongAdder sampledAway = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder folded = new LongAdder();

  private final Object flushLock = new Object();
  private volatile MetricState[] states = new MetricState[64];
  private volatile boolean exporterEnabled;
  private volatile boolean closed;
  private ScheduledExecutorService scheduler;
  private Thread shutdownHook;

  /** A sink with {@code options}; it starts no thread until its exporter is enabled. */
  public DeliverySink(MeteredOptions options) {
    this(options, true);
  }

  /**
   * A sink that, with {@code scheduled} false, never starts its thread: windows roll and
   * aggregates leave only when a test calls {@link #startWindow()} or {@link #flush()}.
   */
  DeliverySink(MeteredOptions options, boolean scheduled) {
    this.scheduled = scheduled;
    this.options = Objects.requireNonNull(options, "options");
    this.exporter = options.exporter();
    this.budget = new EventBudget(options.eventsPerSecond());
    this.sampler = new OverflowSampler(options.sampledPerSecond());
    // Without a usable SDK, not even SentryLifecycle is loaded: it implements a Sentry interface.
    this.sentry = exporter == SentrySink.instance() && SentrySink.isSdkUsable() ? new SentryLifecycle(this) : null;
  }

  /** The options the sink was made with. */
  public MeteredOptions options() {
    return options;
  }

  /**
   * Whether the exporter takes data now, and the sink is not closed. Cheap when it does: the
   * answer is kept, and checked again by the scheduler thread every second.
   */
  @Override
  public boolean isEnabled() {
    return exporterEnabled || enableIfExporterIs();
  }

  private boolean enableIfExporterIs() {
    if (closed) {
      return false;
    }
    boolean enabled;
    try {
      enabled = exporter.isEnabled();
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
      return false;
    }
    if (enabled) {
      start();
    }
    return enabled;
  }

  private synchronized void start() {
    if (closed) {
      return;
    }
    if (scheduler == null && scheduled) {
      scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "metered-delivery");
        thread.setDaemon(true);
        return thread;
      });
      scheduler.scheduleAtFixedRate(this::startWindow, 1, 1, TimeUnit.SECONDS);
      long interval = options.flushInterval().toMillis();
      scheduler.scheduleAtFixedRate(this::scheduledFlush, interval, interval, TimeUnit.MILLISECONDS);
      shutdownHook = new Thread(this::close, "metered-shutdown");
      try {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
      } catch (IllegalStateException shutdownInProgress) {
        // First enabled while the JVM shuts down: whoever closes Sentry or the sink sends the rest.
        shutdownHook = null;
      }
    }
    if (sentry != null) {
      sentry.attach();
    }
    exporterEnabled = true;
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    record(Series.of(metric, attributes), value);
  }

  @Override
  public void record(SeriesTable table, int index, double value) {
    // The hot path: a counter or gauge this sink always aggregates, its aggregates bound to the
    // table. A few field reads, one comparison, one add into the series' slot.
    TableAggregates aggregates = table.aggregates();
    if (aggregates != null && aggregates.owner == this && exporterEnabled && Double.isFinite(value)) {
      aggregates.add(index, value);
      return;
    }
    if (isEnabled()) {
      recordSeries(table.get(index), value);
    }
  }

  @Override
  public void record(Series series, double value) {
    SeriesTable table = series.table();
    if (table != null) {
      record(table, series.index(), value);
    } else if (isEnabled()) {
      recordSeries(series, value);
    }
  }

  /** Applies the metric's delivery mode to one data point, the sink enabled. */
  private void recordSeries(Series recorded, double value) {
    MetricState state = stateOf(recorded.metric());
    Series series = recorded;
    if (recorded.table() == null) {
      series = state.foldValuesBeyondMax(recorded);
      if (series != recorded) {
        folded.increment();
      }
    }
    switch (state.mode) {
      case EVENT -> {
        budget.consume();
        send(series, value);
      }
      case AGGREGATE -> {
        if (series.metric().type() == MetricType.DISTRIBUTION) {
          sendWithinBudget(state, series, value);
        } else {
          aggregate(state, series, value);
        }
      }
      case AUTO -> sendWithinBudget(state, series, value);
    }
  }

  private void sendWithinBudget(MetricState state, Series series, double value) {
    if (budget.tryAcquire()) {
      send(series, value);
    } else if (series.metric().type() == MetricType.DISTRIBUTION) {
      sample(series, value);
    } else {
      aggregate(state, series, value);
    }
  }

  private void sample(Series series, double value) {
    double rate = sampler.rate();
    switch (sampler.decide()) {
      case KEEP -> {
        if (rate < 1.0) {
          sampledPoints.increment();
          send(Series.of(series.metric(),
              series.attributes().with(Attribute.ofDouble(SAMPLE_RATE_ATTRIBUTE, rate))), value);
        } else {
          send(series, value);
        }
      }
      case SAMPLE_AWAY -> sampledAway.increment();
      case DROP -> dropped.increment();
    }
  }

  private void aggregate(MetricState state, Series series, double value) {
    if (!Double.isFinite(value)) {
      // One NaN would turn the whole sum into NaN; leave it out and say so.
      dropped.increment();
      RecordingFailures.report("DeliverySink", new IllegalArgumentException(
          "the value of " + series.metric().name() + " is " + value + "; dropped"));
      return;
    }
    SeriesTable table = series.table();
    TableAggregates aggregates = table == null ? null : state.aggregatesOf(table);
    if (aggregates != null) {
      aggregates.add(series.index(), value);
      if (state.mode == DeliveryMode.AGGREGATE) {
        // In auto mode the budget decides per call, so only aggregate mode takes the fast path.
        table.bind(aggregates);
      }
      return;
    }
    if (!state.addToOther(series, value)) {
      dropped.increment();
    }
  }

  /** Counts one data point lost where the sink could not say so otherwise. */
  void countDropped() {
    dropped.increment();
  }

  private void send(Series series, double value) {
    try {
      exporter.record(series, value);
      eventPoints.increment();
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      dropped.increment();
      RecordingFailures.report("DeliverySink", failure);
    }
  }

  private MetricState stateOf(Metric metric) {
    MetricState[] current = states;
    int id = metric.id();
    if (id < current.length) {
      MetricState state = current[id];
      if (state != null) {
        return state;
      }
    }
    return newState(metric);
  }

  /** How many series outside its table {@code metric} has open now; for tests of the cap. */
  int openOtherSeries(Metric metric) {
    return stateOf(metric).openOtherSeries();
  }

  private synchronized MetricState newState(Metric metric) {
    MetricState[] current = states;
    int id = metric.id();
    if (id < current.length && current[id] != null) {
      return current[id];
    }
    MetricState[] next = id < current.length
        ? current : Arrays.copyOf(current, Math.max(id + 1, current.length * 2));
    MetricState state = new MetricState(this, metric, options.deliveryOf(metric));
    next[id] = state;
    states = next;
    return state;
  }

  /** Sends every aggregate now, without waiting for the exporter to deliver them. */
  public void flush() {
    flushAggregates(aggregateTarget());
  }

  /** Sends every aggregate now, then flushes the exporter, waiting at most {@code timeout}. */
  @Override
  public void flush(Duration timeout) {
    MetricSink target = aggregateTarget();
    flushAggregates(target);
    flushExporter(target, timeout);
  }

  /** What the sink has sent, sampled and dropped so far. */
  public DeliveryStats stats() {
    return new DeliveryStats(eventPoints.sum(), aggregatedPoints.sum(), sampledPoints.sum(),
        sampledAway.sum(), dropped.sum(), folded.sum());
  }

  /**
   * Sends what is left (the last, partial interval's aggregates), flushes the exporter, stops
   * the sink's thread and logs, once, what was sampled away or dropped. Recording afterwards
   * does nothing. Also runs at JVM shutdown.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (scheduler != null) {
        scheduler.shutdown();
        removeShutdownHook();
      }
    }
    awaitScheduler();
    MetricSink target = aggregateTarget();
    if (isEnabled(target)) {
      flushAggregates(target);
      flushExporter(target, options.flushTimeout());
    } else {
      discardAggregates();
    }
    exporterEnabled = false;
    DeliveryStats stats = stats();
    if (stats.lostAnything()) {
      log(Level.WARNING, "Metered: " + stats + ". Sentry extrapolates sampled distributions;"
          + " dropped points are lost (DeliverySink.stats()).");
    }
  }

  /** Called by the Sentry integration while Sentry closes: the last chance to send. */
  void sentryClosing(SentrySink bound) {
    flushAggregates(bound);
    exporterEnabled = false;
  }

  private MetricSink aggregateTarget() {
    return sentry != null ? sentry.aggregateTarget(exporter) : exporter;
  }

  // Package-private so that tests can start a window without waiting a second.
  void startWindow() {
    try {
      budget.roll();
      sampler.roll();
      if (exporterEnabled && !exporter.isEnabled()) {
        exporterEnabled = false;
      }
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      // A periodic task that throws is never run again: keep the scheduler alive.
      RecordingFailures.report("DeliverySink", failure);
    }
  }

  private void scheduledFlush() {
    try {
      MetricSink target = aggregateTarget();
      if (isEnabled(target)) {
        flushAggregates(target);
      }
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
    }
  }

  private void flushAggregates(MetricSink target) {
    synchronized (flushLock) {
      int sinceExporterFlush = 0;
      for (MetricState state : states) {
        if (state == null) {
          continue;
        }
        for (MetricState.Taken taken : state.takeAll()) {
          try {
            target.record(taken.series(), taken.value());
            aggregatedPoints.increment();
          } catch (Throwable failure) {
            RecordingFailures.rethrowIfFatal(failure);
            dropped.increment();
            RecordingFailures.report("DeliverySink", failure);
          }
          if (++sinceExporterFlush == POINTS_PER_EXPORTER_FLUSH) {
            flushExporter(target, options.flushTimeout());
            sinceExporterFlush = 0;
          }
        }
      }
    }
  }

  private void discardAggregates() {
    synchronized (flushLock) {
      for (MetricState state : states) {
        if (state != null) {
          dropped.add(state.takeAll().size());
        }
      }
    }
  }

  private void flushExporter(MetricSink target, Duration timeout) {
    try {
      // Sentry's batch processor sends full batches of 1,000 and leaves a smaller rest for its
      // next run, 5 s later, which one flush would wait for. Each flush asks for an immediate
      // run, so a few short ones send the rest at once; the last waits for the transport.
      for (int i = 0; i < EXTRA_EXPORTER_FLUSHES; i++) {
        target.flush(SHORT_FLUSH);
      }
      target.flush(timeout);
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
    }
  }

  private static boolean isEnabled(MetricSink target) {
    try {
      return target.isEnabled();
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
      return false;
    }
  }

  private void awaitScheduler() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = scheduler;
    }
    if (running == null || Thread.currentThread().getName().equals("metered-delivery")) {
      return;
    }
    try {
      running.awaitTermination(options.flushTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook == null || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shutdownInProgress) {
      // The JVM is already running its hooks; ours will find the sink closed.
    }
  }

  private static void log(Level level, String message) {
    try {
      LOGGER.log(level, message);
    } catch (Throwable loggingFailed) {
      RecordingFailures.rethrowIfFatal(loggingFailed);
      // A broken logger must not stop the close.
    }
  }

  @Override
  public String toString() {
    return "DeliverySink[" + exporter + (closed ? ", closed" : "") + "]";
  }
}
