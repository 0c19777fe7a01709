package dev.metered.runtime;

import dev.metered.runtime.internal.FallbackValues;
import dev.metered.runtime.internal.RecordingFailures;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

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
 * shutdown hook it registers then). When {@code Sentry.init} runs again, they wait for the new
 * instance rather than go to the client closing for the restart. Its threads are daemons and
 * start only once Sentry, or the configured exporter, is enabled.
 *
 * <p>Closing is bounded by {@link MeteredOptions#closeTimeout()} and loses nothing unseen: it
 * stops accepting first, then seals every aggregate as it takes it ({@link SealableSlots}), so
 * each value added before {@link #close()} returns is sent or counted as dropped in
 * {@link #stats()}, and so is every call that reaches the sink afterwards.
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
  private final ThreadFactory threadFactory;

  private final LongAdder eventPoints = new LongAdder();
  private final LongAdder aggregatedPoints = new LongAdder();
  private final LongAdder sampledPoints = new LongAdder();
  private final LongAdder sampledAway = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder folded = new LongAdder();
  /** What this sink's {@link TableAggregates} carry as their owner: a key, not the sink. */
  private final Object aggregatesOwner = new Object();
  /** {@link FallbackValues#count()} when the sink was made: its stats count the uses since. */
  private final long fallbacksBefore = FallbackValues.count();

  // One flush at a time; close waits for it only until its deadline.
  private final ReentrantLock flushLock = new ReentrantLock();
  private volatile MetricState[] states = new MetricState[64];
  private volatile boolean exporterEnabled;
  private volatile boolean closed;
  // Set just before closed: every wait that starts while closing ends by it.
  private volatile Deadline closeDeadline = Deadline.NONE;
  private FlushScheduler scheduler;
  private ShutdownHook shutdownHook;

  /** A sink with {@code options}; it starts no thread until its exporter is enabled. */
  public DeliverySink(MeteredOptions options) {
    this(options, true);
  }

  /**
   * A sink that, with {@code scheduled} false, never starts its thread: windows roll and
   * aggregates leave only when a test calls {@link #startWindow()} or {@link #flush()}.
   */
  DeliverySink(MeteredOptions options, boolean scheduled) {
    this(options, scheduled, task -> new Thread(task, FlushScheduler.THREAD_NAME));
  }

  /** A sink whose scheduler thread {@code threadFactory} makes, so that tests can make it fail. */
  DeliverySink(MeteredOptions options, boolean scheduled, ThreadFactory threadFactory) {
    this.scheduled = scheduled;
    this.options = Objects.requireNonNull(options, "options");
    this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
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
    try {
      return exporter.isEnabled() && start();
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
      return false;
    }
  }

  /**
   * Starts the scheduler and the shutdown hook, attaches to Sentry and only then enables
   * recording; if any of it throws, undoes what it did, so that a sink is either enabled with
   * all its parts or not at all (and tries again at the next call).
   */
  private synchronized boolean start() {
    if (closed) {
      return false;
    }
    boolean startsThreads = scheduler == null && scheduled;
    boolean started = false;
    try {
      if (startsThreads) {
        startThreads();
      }
      if (sentry != null) {
        sentry.attach();
      }
      started = true;
    } finally {
      if (!started && startsThreads) {
        stopThreads();
      }
    }
    exporterEnabled = true;
    return true;
  }

  private void startThreads() {
    scheduler = FlushScheduler.start(threadFactory, options.flushInterval(), this::startWindow, this::scheduledFlush);
    shutdownHook = ShutdownHook.register(this::close);
  }

  private void stopThreads() {
    if (scheduler != null) {
      scheduler.stopNow();
      scheduler = null;
    }
    removeShutdownHook();
    shutdownHook = null;
  }

  @Override
  public void record(Metric metric, double value, Attributes attributes) {
    // Attributes built for the call: a series outside any table.
    if (isEnabled()) {
      recordSeries(Series.of(metric, attributes), value);
    } else if (closed) {
      dropped.increment();
    }
  }

  @Override
  public void record(SeriesTable table, int index, double value) {
    // The hot path: a counter or gauge this sink always aggregates, its aggregates bound to the
    // table. A few field reads, one comparison, one add into the series' slot, which refuses
    // the add once close() has sealed it.
    TableAggregates aggregates = table.aggregates();
    if (aggregates != null && aggregates.owner == aggregatesOwner && exporterEnabled && Double.isFinite(value)) {
      if (!aggregates.add(index, value)) {
        dropped.increment();
      }
      return;
    }
    if (isEnabled()) {
      recordSeries(table.get(index), value);
    } else if (closed) {
      dropped.increment();
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
      if (!aggregates.add(series.index(), value)) {
        dropped.increment(); // sealed: the sink closed since this call found it enabled
        return;
      }
      if (state.mode == DeliveryMode.AGGREGATE) {
        // In auto mode the budget decides per call, so only aggregate mode takes the fast path.
        table.bind(aggregates);
      }
      return;
    }
    if (!state.addToOther(series, value)) {
      dropped.increment(); // over the cap this interval, or the sink closed
    }
  }

  private void send(Series series, double value) {
    try {
      // As export() does, written out here: one more frame on the event path put an SDK object
      // beyond the JIT's inlining depth (see SentrySink.record(Series, double)).
      if (exporter instanceof SentrySink sentry) {
        sentry.record(series, value);
      } else {
        exporter.record(series.metric(), value, series.attributes());
      }
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
    MetricState state = new MetricState(aggregatesOwner, dropped, metric, options.deliveryOf(metric));
    if (closed) {
      // Made after close() looked at the states: sealed from the start, it keeps nothing.
      state.sealAll();
    }
    next[id] = state;
    states = next;
    return state;
  }

  /** Sends every aggregate now, without waiting for the exporter to deliver them. */
  public void flush() {
    flushLock.lock();
    try {
      flushAggregates(aggregateTarget(), false, Deadline.NONE);
    } finally {
      flushLock.unlock();
    }
  }

  /** Sends every aggregate now, then flushes the exporter, waiting at most {@code timeout}. */
  @Override
  public void flush(Duration timeout) {
    flushLock.lock();
    try {
      MetricSink target = aggregateTarget();
      flushAggregates(target, false, Deadline.NONE);
      flushExporter(target, timeout, Deadline.NONE);
    } finally {
      flushLock.unlock();
    }
  }

  /** What the sink has sent, sampled and dropped so far. */
  public DeliveryStats stats() {
    return new DeliveryStats(eventPoints.sum(), aggregatedPoints.sum(), sampledPoints.sum(),
        sampledAway.sum(), dropped.sum(), folded.sum(), FallbackValues.count() - fallbacksBefore);
  }

  /**
   * Stops recording, sends what is left (the last, partial interval's aggregates), flushes the
   * exporter, stops the sink's thread and logs, once, what was sampled away or dropped; all
   * within {@link MeteredOptions#closeTimeout()}, whatever the number of series. Every value
   * recorded before it returns is sent or counted as dropped in {@link #stats()}; so is every
   * call that reaches the sink afterwards. Also runs at JVM shutdown.
   */
  @Override
  public void close() {
    FlushScheduler running;
    synchronized (this) {
      if (closed) {
        return;
      }
      closeDeadline = Deadline.after(options.closeTimeout());
      closed = true;
      exporterEnabled = false;
      running = scheduler;
      if (running != null) {
        running.stop();
        removeShutdownHook();
      }
    }
    Deadline deadline = closeDeadline;
    if (running != null) {
      running.awaitStopped(deadline);
    }
    boolean locked = lockFlushes(deadline);
    try {
      MetricSink target = aggregateTarget();
      if (target != null && isEnabled(target)) {
        flushAggregates(target, true, deadline);
        flushExporter(target, options.flushTimeout(), deadline);
      } else {
        discardAggregates();
      }
    } finally {
      if (locked) {
        flushLock.unlock();
      }
    }
    DeliveryStats stats = stats();
    if (stats.lostAnything()) {
      log(Level.WARNING, "Metered: " + stats + ". Sentry extrapolates sampled distributions;"
          + " dropped points are lost; folded points are sent under " + OVERFLOW_VALUE
          + " (DeliverySink.stats()).");
    }
  }

  /**
   * Called by the Sentry integration while Sentry closes: the last chance to send, within
   * {@link MeteredOptions#closeTimeout()}. What is recorded afterwards stays aggregated for a
   * later {@code Sentry.init}, or is counted as dropped when the sink closes.
   */
  void sentryClosing(SentrySink bound) {
    Deadline deadline = Deadline.after(options.closeTimeout());
    boolean locked = lockFlushes(deadline);
    try {
      flushAggregates(bound, false, deadline);
    } finally {
      if (locked) {
        flushLock.unlock();
      }
    }
    exporterEnabled = false;
  }

  /**
   * Called by the Sentry integration when {@code Sentry.init} replaces the instance it belonged
   * to: the aggregates stay, for the new instance. A flush in progress is let finish (within
   * {@link MeteredOptions#closeTimeout()}), while the old client still sends.
   */
  void sentryRestarting() {
    exporterEnabled = false;
    if (lockFlushes(Deadline.after(options.closeTimeout()))) {
      flushLock.unlock();
    }
  }

  /** Where aggregates go now; {@code null} while Sentry restarts, when they wait. */
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
    flushLock.lock();
    try {
      MetricSink target = aggregateTarget();
      if (!closed && target != null && isEnabled(target)) {
        flushAggregates(target, false, Deadline.NONE);
      }
    } catch (Throwable failure) {
      RecordingFailures.rethrowIfFatal(failure);
      RecordingFailures.report("DeliverySink", failure);
    } finally {
      flushLock.unlock();
    }
  }

  /**
   * Hands every aggregate to {@code target}, taking them or, at close, sealing them. Once the
   * deadline, or close()'s, has passed, what is left is counted as dropped instead.
   */
  private void flushAggregates(MetricSink target, boolean seal, Deadline deadline) {
    if (target == null) {
      return;
    }
    int sinceExporterFlush = 0;
    for (MetricState state : states) {
      if (state == null) {
        continue;
      }
      for (MetricState.Taken taken : seal ? state.sealAll() : state.takeAll()) {
        if (deadline.soonerOf(closeDeadline).passed()) {
          dropped.increment();
          continue;
        }
        try {
          export(target, taken.series(), taken.value());
          aggregatedPoints.increment();
        } catch (Throwable failure) {
          RecordingFailures.rethrowIfFatal(failure);
          dropped.increment();
          RecordingFailures.report("DeliverySink", failure);
        }
        if (++sinceExporterFlush == POINTS_PER_EXPORTER_FLUSH) {
          flushExporter(target, options.flushTimeout(), deadline);
          sinceExporterFlush = 0;
        }
      }
    }
  }

  /**
   * Hands one data point to {@code target}: Sentry's sink takes the series whole, to reuse the
   * Sentry parameters it keeps there; any other exporter takes the data point with its
   * attributes, the one call of {@link MetricSink} that every sink implements.
   */
  private static void export(MetricSink target, Series series, double value) {
    if (target instanceof SentrySink sentry) {
      sentry.record(series, value);
    } else {
      target.record(series.metric(), value, series.attributes());
    }
  }

  private void discardAggregates() {
    for (MetricState state : states) {
      if (state != null) {
        dropped.add(state.sealAll().size());
      }
    }
  }

  private void flushExporter(MetricSink target, Duration timeout, Deadline deadline) {
    if (target == null) {
      return;
    }
    try {
      // Sentry's batch processor sends full batches of 1,000 and leaves a smaller rest for its
      // next run, 5 s later, which one flush would wait for. Each flush asks for an immediate
      // run, so a few short ones send the rest at once; the last waits for the transport.
      for (int i = 0; i <= EXTRA_EXPORTER_FLUSHES; i++) {
        Duration wait = deadline.soonerOf(closeDeadline)
            .cap(i < EXTRA_EXPORTER_FLUSHES ? SHORT_FLUSH : timeout);
        if (wait.toMillis() < 1) {
          return;
        }
        target.flush(wait);
      }
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

  /**
   * Takes the flush lock, waiting until {@code deadline} at most; false if it could not. Taking
   * and sealing aggregates are atomic, so a close that goes on without it still loses nothing.
   */
  private boolean lockFlushes(Deadline deadline) {
    try {
      return flushLock.tryLock(deadline.cap(Duration.ofDays(1)).toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void removeShutdownHook() {
    if (shutdownHook != null) {
      shutdownHook.remove();
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
