package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.DeliverySink;
import dev.metered.runtime.MaxValues;
import dev.metered.runtime.MeteredOptions;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.MetricType;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ObjDoubleConsumer;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a schema that uses every feature of the format with two handlers and a driver that
 * calls the generated recorder, then runs the driver against a recording sink: what reached the
 * sink is the behaviour under test.
 */
class RecorderBehaviourTest {
  static final String SCHEMA = """
      schema: 1
      namespace: shop
      package: test.metrics
      families:
        checkout:
          description: One checkout.
          attributes:
            step: {type: enum, from_handlers: true, description: The checkout step.}
            channel: {type: enum, values: [web, app, 2fa-kiosk], default: web}
            paid: boolean
            items: {type: integer, optional: true, omit_when: 0, max_values: 10}
            coupon: {type: string, max_length: 5, optional: true, max_values: 5}
            region: {type: enum, values: [eu, us, unknown], optional: true}
          inputs:
            duration: double
            outcome: {type: enum, values: [ok, declined], optional: true}
            amount: {type: double, optional: true}
          metrics:
            shop.checkout.duration: {type: distribution, unit: millisecond, value: duration, description: Checkout time.}
            shop.checkout.count: {type: counter, description: Checkouts.}
            shop.checkout.unpaid: {type: counter, when: {paid: false}, description: Unpaid checkouts.}
            shop.checkout.items: {type: counter, value: items, when: {items: {above: 0}}, attributes: [step, region], defaults: {region: unknown}, description: Items checked out.}
            shop.checkout.small: {type: counter, when: {amount: {below: 10}}, attributes: [], description: Small checkouts.}
            shop.checkout.declined: {type: counter, when: {outcome: declined}, attributes: [step], description: Declined checkouts.}
            shop.checkout.amount: {type: gauge, value: amount, attributes: [channel], description: The last amount.}
            shop.checkout.anonymous: {type: counter, when: {coupon: {given: false}}, attributes: [step], description: Checkouts without a coupon.}
      """;

  static final JavaFileObject HANDLERS = Compilations.source("test.Checkout", """
      package test;

      import dev.metered.annotations.Attr;
      import dev.metered.annotations.Metered;

      public class Checkout {
        @Metered(family = "checkout", attributes = "step=review")
        public void review(@Attr("paid") boolean paid) {}

        @Metered(family = "checkout", attributes = {"step=pay"})
        public void pay(@Attr("paid") boolean paid) {}
      }
      """);

  static final JavaFileObject DRIVER = Compilations.source("test.Driver", """
      package test;

      import dev.metered.runtime.MetricSink;
      import java.util.function.BiConsumer;
      import test.metrics.CheckoutMetrics;
      import test.metrics.CheckoutMetrics.Channel;
      import test.metrics.CheckoutMetrics.Outcome;
      import test.metrics.CheckoutMetrics.Region;
      import test.metrics.CheckoutMetrics.Step;

      public class Driver implements BiConsumer<String, MetricSink> {
        @Override
        public void accept(String scenario, MetricSink sink) {
          CheckoutMetrics metrics = new CheckoutMetrics(sink);
          switch (scenario) {
            case "required only" -> metrics.record(Step.PAY, true, 12.5);
            case "everything" -> metrics.event(Step.REVIEW, false, 3.0)
                .channel(Channel._2FA_KIOSK).items(3).coupon("SUMMER2024").region(Region.EU)
                .outcome(Outcome.DECLINED).amount(7.5).record();
            case "omitted items" -> metrics.event(Step.PAY, true, 1.0).items(0).record();
            case "region default" -> metrics.event(Step.PAY, true, 1.0).items(2).record();
            case "large amount" -> metrics.event(Step.PAY, true, 1.0).amount(25.0).outcome(Outcome.OK).record();
            case "null step" -> metrics.record(null, true, 1.0);
            default -> {
              if (!scenario.startsWith("coupon ")) {
                throw new IllegalArgumentException(scenario);
              }
              metrics.event(Step.PAY, true, 1.0).coupon(scenario.substring("coupon ".length())).record();
            }
          }
        }
      }
      """);

  @TempDir static Path dir;
  static Compilation compilation;
  static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    compilation = Compilations.compile(dir, SCHEMA, HANDLERS, DRIVER);
    classes = GeneratedClasses.ofSuccessful(compilation);
  }

  @SuppressWarnings("unchecked")
  private static List<RecordedMetric> run(String scenario) {
    RecordingSink sink = new RecordingSink();
    classes.instantiate("test.Driver", BiConsumer.class).accept(scenario, sink);
    return sink.recorded();
  }

  @Test
  void requiredFieldsOnlyEmitTheUnconditionalMetricsWithDefaults() {
    Map<String, Object> all = Map.of("step", "pay", "channel", "web", "paid", true);
    assertThat(run("required only"))
        .extracting(RecordedMetric::name, RecordedMetric::type, RecordedMetric::value, RecordedMetric::attributeMap)
        .containsExactly(
            tuple("shop.checkout.duration", MetricType.DISTRIBUTION, 12.5, all),
            tuple("shop.checkout.count", MetricType.COUNTER, 1.0, all),
            // coupon was not given, so "given: false" holds
            tuple("shop.checkout.anonymous", MetricType.COUNTER, 1.0, Map.of("step", "pay")));
  }

  @Test
  void everyOptionalFieldAndConditionWhenAllAreGiven() {
    Map<String, Object> all = Map.of("step", "review", "channel", "2fa-kiosk", "paid", false,
        "items", 3L, "coupon", "SUMME", "region", "eu");
    assertThat(run("everything"))
        .extracting(RecordedMetric::name, RecordedMetric::value, RecordedMetric::attributeMap)
        .containsExactly(
            tuple("shop.checkout.duration", 3.0, all),
            tuple("shop.checkout.count", 1.0, all),
            tuple("shop.checkout.unpaid", 1.0, all),
            tuple("shop.checkout.items", 3.0, Map.of("step", "review", "region", "eu")),
            tuple("shop.checkout.small", 1.0, Map.of()),
            tuple("shop.checkout.declined", 1.0, Map.of("step", "review")),
            tuple("shop.checkout.amount", 7.5, Map.of("channel", "2fa-kiosk")));
  }

  @Test
  void attributesKeepTheSchemaOrderAndWireTypes() {
    RecordedMetric count = run("everything").get(1);
    assertThat(count.attributes().asList())
        .extracting(a -> a.key(), a -> a.type().wireName())
        .containsExactly(tuple("step", "string"), tuple("channel", "string"), tuple("paid", "boolean"),
            tuple("items", "integer"), tuple("coupon", "string"), tuple("region", "string"));
  }

  @Test
  void omitWhenLeavesTheAttributeOutAndTheConditionFails() {
    assertThat(run("omitted items"))
        .extracting(RecordedMetric::name, RecordedMetric::attributeMap)
        .containsExactly(
            tuple("shop.checkout.duration", Map.of("step", "pay", "channel", "web", "paid", true)),
            tuple("shop.checkout.count", Map.of("step", "pay", "channel", "web", "paid", true)),
            tuple("shop.checkout.anonymous", Map.of("step", "pay")));
  }

  @Test
  void perMetricDefaultFillsAnAbsentOptionalAttribute() {
    assertThat(run("region default"))
        .filteredOn(metric -> metric.name().equals("shop.checkout.items"))
        .extracting(RecordedMetric::value, RecordedMetric::attributeMap)
        .containsExactly(tuple(2.0, Map.of("step", "pay", "region", "unknown")));
  }

  @Test
  void belowAndEqualsConditionsAreFalseForOtherValues() {
    assertThat(run("large amount"))
        .extracting(RecordedMetric::name)
        .containsExactly("shop.checkout.duration", "shop.checkout.count", "shop.checkout.amount",
            "shop.checkout.anonymous");
  }

  @Test
  void metricDescriptorsCarryTypeAndUnit() {
    assertThat(run("required only"))
        .extracting(RecordedMetric::metric)
        .extracting(Metric::name, Metric::type, Metric::unit)
        .contains(tuple("shop.checkout.duration", MetricType.DISTRIBUTION, "millisecond"),
            tuple("shop.checkout.count", MetricType.COUNTER, null));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDisabledSinkReceivesNothing() {
    RecordingSink recording = new RecordingSink();
    MetricSink disabled = new MetricSink() {
      @Override
      public boolean isEnabled() {
        return false;
      }

      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        recording.record(metric, value, attributes);
      }
    };
    classes.instantiate("test.Driver", BiConsumer.class).accept("everything", disabled);
    assertThat(recording.recorded()).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFailingSinkNeverReachesTheCaller() {
    long before = MeteredRuntime.recordingFailures();
    MetricSink failing = (metric, value, attributes) -> {
      throw new IllegalStateException("transport down");
    };
    classes.instantiate("test.Driver", BiConsumer.class).accept("everything", failing);
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(before + 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSinkWhoseEnabledCheckThrowsNeverReachesTheCallerEither() {
    long before = MeteredRuntime.recordingFailures();
    MetricSink broken = new MetricSink() {
      @Override
      public boolean isEnabled() {
        throw new IllegalStateException("no state yet");
      }

      @Override
      public void record(Metric metric, double value, Attributes attributes) {}
    };
    classes.instantiate("test.Driver", BiConsumer.class).accept("everything", broken);
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(before + 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anErrorFromTheSinkIsCountedNotThrown() {
    for (Error error : List.of(new NoSuchMethodError("io.sentry.Sentry.metrics()"), new AssertionError("invariant"))) {
      long before = MeteredRuntime.recordingFailures();
      MetricSink failing = (metric, value, attributes) -> {
        throw error;
      };
      classes.instantiate("test.Driver", BiConsumer.class).accept("everything", failing);
      assertThat(MeteredRuntime.recordingFailures()).as("after %s", error).isEqualTo(before + 1);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aVirtualMachineErrorFromTheSinkPasses() {
    OutOfMemoryError outOfMemory = new OutOfMemoryError("Java heap space");
    MetricSink failing = (metric, value, attributes) -> {
      throw outOfMemory;
    };
    assertThatThrownBy(() -> classes.instantiate("test.Driver", BiConsumer.class).accept("everything", failing))
        .isSameAs(outOfMemory);
  }

  @Test
  void metricDescriptorsCarryTheMaxValuesOfTheirStringAndNumberAttributes() {
    assertThat(run("everything")).filteredOn(point -> point.metric().name().equals("shop.checkout.count"))
        .singleElement()
        .satisfies(point -> assertThat(point.metric().maxValues())
            .containsExactly(MaxValues.of("items", 10), MaxValues.of("coupon", 5)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDeliverySinkFoldsValuesBeyondMaxValuesIntoTheOverflowValue() {
    RecordingSink exporter = new RecordingSink();
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).deliveryForAll(DeliveryMode.EVENT).flushInterval(Duration.ofHours(1)).build());
    try {
      BiConsumer<String, MetricSink> driver = classes.instantiate("test.Driver", BiConsumer.class);
      for (int i = 0; i < 8; i++) {
        driver.accept("coupon c" + i, sink);
      }
      assertThat(exporter.recorded("shop.checkout.count"))
          .extracting(point -> point.attributeMap().get("coupon"))
          .containsExactly("c0", "c1", "c2", "c3", "c4",
              DeliverySink.OVERFLOW_VALUE, DeliverySink.OVERFLOW_VALUE, DeliverySink.OVERFLOW_VALUE);
      assertThat(sink.stats().folded()).as("each metric with the coupon folds its own").isPositive();
    } finally {
      sink.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCounterFedTheLargestDoublesArrivesInFiniteParts(@TempDir Path elsewhere) {
    Compilation transfers = Compilations.compile(elsewhere, """
        schema: 1
        namespace: shop
        package: test.metrics
        families:
          transfer:
            description: One transfer.
            attributes:
              direction: {type: enum, values: [in, out], description: Which way.}
            inputs:
              bytes: double
            metrics:
              shop.transfer.bytes: {type: counter, unit: byte, value: bytes, delivery: aggregate, description: Bytes moved.}
        """, Compilations.source("test.Feeder", """
        package test;

        import dev.metered.runtime.MetricSink;
        import java.util.function.ObjDoubleConsumer;
        import test.metrics.TransferMetrics;

        public class Feeder implements ObjDoubleConsumer<MetricSink> {
          @Override
          public void accept(MetricSink sink, double bytes) {
            new TransferMetrics(sink).record(TransferMetrics.Direction.IN, bytes);
          }
        }
        """));
    ObjDoubleConsumer<MetricSink> feeder =
        GeneratedClasses.ofSuccessful(transfers).instantiate("test.Feeder", ObjDoubleConsumer.class);
    RecordingSink exporter = new RecordingSink();
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .exporter(exporter).flushInterval(Duration.ofHours(1)).build());
    try {
      feeder.accept(sink, 1e308);
      feeder.accept(sink, 1e308);
      sink.flush();
      assertThat(exporter.recorded("shop.transfer.bytes")).extracting(RecordedMetric::value)
          .containsExactly(1e308, 1e308);
      assertThat(sink.stats().dropped()).isZero();
    } finally {
      sink.close();
    }
  }

  @Test
  void aNullRequiredValueIsCountedNotThrown() {
    long before = MeteredRuntime.recordingFailures();
    assertThat(run("null step")).isEmpty();
    assertThat(MeteredRuntime.recordingFailures()).isEqualTo(before + 1);
  }

  @Test
  void handlerValuesBecomeEnumConstantsInOrder() throws Exception {
    Class<?> step = classes.loadClass("test.metrics.CheckoutMetrics$Step");
    assertThat(step.getEnumConstants()).extracting(Object::toString).containsExactly("PAY", "REVIEW");
    Class<?> channel = classes.loadClass("test.metrics.CheckoutMetrics$Channel");
    assertThat(channel.getEnumConstants()).extracting(Object::toString).containsExactly("WEB", "APP", "_2FA_KIOSK");
    Object kiosk = channel.getEnumConstants()[2];
    assertThat(channel.getMethod("wireValue").invoke(kiosk)).isEqualTo("2fa-kiosk");
  }

  @Test
  void everyMetricNameIsAPublicConstant() throws Exception {
    Class<?> recorder = classes.loadClass("test.metrics.CheckoutMetrics");
    assertThat(recorder.getField("DURATION").get(null)).isEqualTo("shop.checkout.duration");
    assertThat(recorder.getField("COUNT").get(null)).isEqualTo("shop.checkout.count");
    assertThat(recorder.getField("ITEMS").get(null)).isEqualTo("shop.checkout.items");
    assertThat(recorder.getField("ANONYMOUS").get(null)).isEqualTo("shop.checkout.anonymous");
  }

  @Test
  void generatedSourceIsMarkedWithoutTimestampAndDocumented() throws Exception {
    JavaFileObject source = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
        "test/metrics/CheckoutMetrics.java").orElseThrow();
    String text = source.getCharContent(true).toString();
    assertThat(text)
        .contains("@Generated(", "value = \"dev.metered.processor.MeteredProcessor\"", "comments = \"from metrics.yaml\"")
        .doesNotContain("date =")
        .contains("Records the {@code checkout} family: One checkout.", "Checkout time.", "The checkout step.")
        .doesNotContain("java.lang.reflect");
  }

  @Test
  void generatedCodeCompilesWithoutWarnings() {
    Compilation linted = Compilations.compileWithOptions(
        List.of("-Ametered.schema=" + dir.resolve("metrics.yaml"), "-Xlint:all,-processing"), HANDLERS, DRIVER);
    assertThat(linted.diagnostics())
        .filteredOn(d -> d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
        .extracting(d -> d.getMessage(Locale.ROOT))
        .isEmpty();
  }
}
