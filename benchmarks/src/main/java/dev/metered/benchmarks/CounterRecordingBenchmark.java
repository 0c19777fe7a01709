package dev.metered.benchmarks;

import dev.metered.benchmarks.metrics.MessageMetrics;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.DeliveryStats;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.sentry.Sentry;
import io.sentry.metrics.NoOpMetricsBatchProcessor;
import io.sentry.metrics.SentryMetricsParameters;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One counter increment with attribute values chosen per call, recorded each way an application
 * could record it: by hand through the Sentry SDK, through Metered's generated recorder in
 * {@code event} and {@code aggregate} delivery, through Micrometer and OpenTelemetry with the
 * attribute set built once or per call, and {@link LongAdder#increment()} as the floor.
 *
 * <p>The counter is {@code bench.message.received} with attributes {@code kind} (4 values),
 * {@code channel} (3) and {@code from_bot}: 24 attribute sets. Each call takes its values from a
 * per-thread sequence drawn ahead of time ({@link MessageChoices}), so the choice costs every
 * variant the same two array reads.
 *
 * <p>Sentry runs for real in the Sentry and Metered variants: {@code Sentry.init} with a DSN
 * pointing at a loopback endpoint ({@link LoopbackSentry}), the SDK's own batching and HTTP
 * transport. The SDK queues at most 10,000 data points and sends them every 5 seconds, so in a
 * benchmark that records millions per second nearly every per-call data point finds the queue
 * full and is dropped: the per-call Sentry figures are those of the SDK's overflow path, which
 * is what such a rate costs an application. Micrometer records into a {@link SimpleMeterRegistry},
 * OpenTelemetry into its SDK with an {@link InMemoryMetricReader} (a meter provider without a
 * reader would record nothing).
 *
 * <p>Run it with 1 and 2 threads ({@code -t 1}, {@code -t 2}) and {@code -prof gc}; see
 * {@code docs/benchmarks.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The SDK's overflow path (it serializes each dropped point to count its bytes) takes several
// seconds to reach its steady state: hence 8 warm-up iterations.
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CounterRecordingBenchmark {
  static final String NAME = MessageMetrics.RECEIVED;

  /** The attribute values of this thread's calls. */
  @State(Scope.Thread)
  public static class Calls extends MessageChoices {
    private static final AtomicLong SEEDS = new AtomicLong(20261125);

    /** Each thread draws its own sequence, as two threads of an application record different things. */
    public Calls() {
      super(SEEDS.getAndIncrement());
    }
  }

  /** The Sentry SDK started for real, sending to a loopback endpoint. */
  @State(Scope.Benchmark)
  public static class SentryRunning {
    /**
     * {@code real}: the SDK's own metrics queue. {@code discarding} (a diagnosis, with
     * {@code -p sdkQueue=discarding}): a queue that drops every point as it comes, so that the
     * figures are what the caller's thread pays to build a data point and hand it over, without
     * the SDK's overflow path, which otherwise dominates and varies from run to run.
     */
    @Param({"real"})
    public String sdkQueue;

    /** Sentry parameters built once per attribute combination, as careful hand-written code would. */
    final SentryMetricsParameters[] parameters = MessageChoices.sentryParameters();
    private LoopbackSentry endpoint;

    /** Starts the endpoint and the SDK. */
    @Setup(Level.Trial)
    public void start() throws IOException {
      endpoint = LoopbackSentry.start();
      LoopbackSentry.initSentry(endpoint.dsn(), options -> {
        if (sdkQueue.equals("discarding")) {
          options.getMetrics().setMetricsBatchProcessorFactory(
              (sentryOptions, client) -> NoOpMetricsBatchProcessor.getInstance());
        } else if (!sdkQueue.equals("real")) {
          throw new IllegalArgumentException("sdkQueue is real or discarding, not " + sdkQueue);
        }
      });
    }

    /** Closes the SDK and says what reached the endpoint. */
    @TearDown(Level.Trial)
    public void stop() {
      Sentry.close();
      endpoint.close();
      System.out.println("[sentry] " + endpoint.envelopes() + " envelopes, " + endpoint.bytes()
          + " bytes received by the loopback endpoint");
    }
  }

  /** Metered's default sink, delivering to the running Sentry in one mode. */
  abstract static class MeteredDelivery {
    private DeliverySink sink;

    void configure(DeliveryMode mode) {
      sink = MeteredRuntime.configure(MeteredOptions.builder().delivery("message", mode).build());
      if (!sink.isEnabled()) {
        throw new IllegalStateException("the delivery sink is not enabled: nothing would be measured");
      }
    }

    /** What the sink did during the trial; fails the trial when the mode was not applied. */
    DeliveryStats close(DeliveryMode mode) {
      DeliveryStats stats = sink.stats();
      MeteredRuntime.close();
      System.out.println("[delivery] " + mode.keyword() + ": " + stats + "; at close: " + sink.stats());
      boolean applied = mode == DeliveryMode.AGGREGATE ? stats.eventPoints() == 0 : stats.aggregatedPoints() == 0;
      if (!applied) {
        throw new IllegalStateException(mode + " was not applied: " + stats);
      }
      return stats;
    }
  }

  /** Generated recorders deliver one Sentry data point per call. */
  @State(Scope.Benchmark)
  public static class EventDelivery extends MeteredDelivery {
    /** Configures the default sink. */
    @Setup(Level.Trial)
    public void configure(SentryRunning sentry) {
      configure(DeliveryMode.EVENT);
    }

    /** Closes the default sink. */
    @TearDown(Level.Trial)
    public void close() {
      close(DeliveryMode.EVENT);
    }
  }

  /** Generated recorders sum counters per attribute set, sent once per flush interval. */
  @State(Scope.Benchmark)
  public static class AggregateDelivery extends MeteredDelivery {
    /** Configures the default sink. */
    @Setup(Level.Trial)
    public void configure(SentryRunning sentry) {
      configure(DeliveryMode.AGGREGATE);
    }

    /** Closes the default sink. */
    @TearDown(Level.Trial)
    public void close() {
      close(DeliveryMode.AGGREGATE);
    }
  }

  /** A Micrometer registry that keeps what it is given, with one counter per attribute set. */
  @State(Scope.Benchmark)
  public static class Micrometer {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final Counter[] counters = new Counter[MessageChoices.COMBINATIONS];

    /** Registers the counters up front. */
    @Setup(Level.Trial)
    public void register() {
      for (int c = 0; c < counters.length; c++) {
        counters[c] = Counter.builder(NAME)
            .tags("kind", MessageChoices.kindOf(c).wireValue(),
                "channel", MessageChoices.channelOf(c).wireValue(),
                "from_bot", Boolean.toString(MessageChoices.fromBotOf(c)))
            .register(registry);
      }
    }

    /** Fails the trial if nothing was counted. */
    @TearDown(Level.Trial)
    public void check() {
      double total = registry.find(NAME).counters().stream().mapToDouble(Counter::count).sum();
      if (total == 0) {
        throw new IllegalStateException("Micrometer counted nothing");
      }
      registry.close();
    }
  }

  /** The OpenTelemetry SDK with a reader, one counter, and one attribute set per combination. */
  @State(Scope.Benchmark)
  public static class OpenTelemetry {
    static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("channel");
    static final AttributeKey<Boolean> FROM_BOT = AttributeKey.booleanKey("from_bot");

    final Attributes[] attributes = new Attributes[MessageChoices.COMBINATIONS];
    private InMemoryMetricReader reader;
    private SdkMeterProvider provider;
    LongCounter counter;

    /** Starts the SDK's meter provider and builds the counter and attribute sets. */
    @Setup(Level.Trial)
    public void start() {
      reader = InMemoryMetricReader.create();
      provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
      counter = provider.get("metered-benchmarks").counterBuilder(NAME).build();
      for (int c = 0; c < attributes.length; c++) {
        attributes[c] = Attributes.of(
            KIND, MessageChoices.kindOf(c).wireValue(),
            CHANNEL, MessageChoices.channelOf(c).wireValue(),
            FROM_BOT, MessageChoices.fromBotOf(c));
      }
    }

    /** Fails the trial if the reader collected nothing. */
    @TearDown(Level.Trial)
    public void check() {
      long total = 0;
      for (MetricData metric : reader.collectAllMetrics()) {
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          total += point.getValue();
        }
      }
      provider.shutdown().join(5, TimeUnit.SECONDS);
      if (total == 0) {
        throw new IllegalStateException("OpenTelemetry counted nothing");
      }
    }
  }

  /** The floor: one shared adder; and one adder per attribute set, the least aggregation can do. */
  @State(Scope.Benchmark)
  public static class Floor {
    final LongAdder adder = new LongAdder();
    final LongAdder[] adders = new LongAdder[MessageChoices.COMBINATIONS];

    /** One adder per attribute set. */
    @Setup(Level.Trial)
    public void create() {
      for (int c = 0; c < adders.length; c++) {
        adders[c] = new LongAdder();
      }
    }
  }

  /** The seed's style: an attribute map built per call, handed to the SDK. */
  @Benchmark
  public void sentryHashMapPerCall(SentryRunning sentry, Calls calls) {
    int i = calls.next();
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("kind", calls.kindValue[i]);
    attributes.put("channel", calls.channelValue[i]);
    attributes.put("from_bot", calls.fromBot[i]);
    Sentry.metrics().count(NAME, 1.0, null, SentryMetricsParameters.create(attributes));
  }

  /** The SDK with parameters built once per attribute combination. */
  @Benchmark
  public void sentryPrebuiltParameters(SentryRunning sentry, Calls calls) {
    int i = calls.next();
    Sentry.metrics().count(NAME, 1.0, null, sentry.parameters[calls.combination[i]]);
  }

  /** The generated recorder, one Sentry data point per call. */
  @Benchmark
  public void meteredEvent(EventDelivery delivery, Calls calls) {
    int i = calls.next();
    MessageMetrics.global().record(calls.kind[i], calls.channel[i], calls.fromBot[i]);
  }

  /** The generated recorder, counters summed per attribute set. */
  @Benchmark
  public void meteredAggregate(AggregateDelivery delivery, Calls calls) {
    int i = calls.next();
    MessageMetrics.global().record(calls.kind[i], calls.channel[i], calls.fromBot[i]);
  }

  /** Micrometer, a counter registered up front for each attribute set. */
  @Benchmark
  public void micrometerRegistered(Micrometer micrometer, Calls calls) {
    micrometer.counters[calls.combination[calls.next()]].increment();
  }

  /** Micrometer, the counter looked up by its tags on each call. */
  @Benchmark
  public void micrometerBuilderPerCall(Micrometer micrometer, Calls calls) {
    int i = calls.next();
    Counter.builder(NAME)
        .tags("kind", calls.kindValue[i], "channel", calls.channelValue[i],
            "from_bot", calls.fromBotValue[i])
        .register(micrometer.registry)
        .increment();
  }

  /** OpenTelemetry, attribute sets built up front. */
  @Benchmark
  public void openTelemetryPrebuiltAttributes(OpenTelemetry otel, Calls calls) {
    otel.counter.add(1, otel.attributes[calls.combination[calls.next()]]);
  }

  /** OpenTelemetry, the attribute set built on each call. */
  @Benchmark
  public void openTelemetryAttributesPerCall(OpenTelemetry otel, Calls calls) {
    int i = calls.next();
    otel.counter.add(1, Attributes.of(
        OpenTelemetry.KIND, calls.kindValue[i],
        OpenTelemetry.CHANNEL, calls.channelValue[i],
        OpenTelemetry.FROM_BOT, calls.fromBot[i]));
  }

  /** The floor: a striped atomic add, nothing else. */
  @Benchmark
  public void longAdder(Floor floor) {
    floor.adder.increment();
  }

  /**
   * Not a target, a reference: the attribute choice plus an adder per attribute set, what an
   * aggregating recorder does at the least.
   */
  @Benchmark
  public void longAdderPerAttributeSet(Floor floor, Calls calls) {
    floor.adders[calls.combination[calls.next()]].increment();
  }
}
