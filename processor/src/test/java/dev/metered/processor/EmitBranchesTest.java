package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.SeriesTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorder's {@code emit} branches once on the call's optional strings and numbers: without
 * them, every data point goes to its metric's table by number; with them, the points carry the
 * attributes built for the call, and a metric that carries only some of them still uses its
 * table while those are absent. Driven with each combination of two optional open fields, and
 * read: a field that alone decides the branch is not checked again inside it.
 */
class EmitBranchesTest {
  static final String SCHEMA = """
      schema: 1
      namespace: shop
      package: test.metrics
      families:
        order:
          attributes:
            region: {type: enum, values: [eu, us]}
            coupon: {type: string, max_length: 20, max_values: 10, optional: true}
            retries: {type: integer, max_values: 10, optional: true}
          metrics:
            shop.order.count: {type: counter, description: Orders.}
            shop.order.coupons: {type: counter, attributes: [region, coupon], description: Orders by coupon.}
            shop.order.regions: {type: counter, attributes: [region], description: Orders by region.}
        refund:
          attributes:
            reason: {type: string, max_length: 20, max_values: 10, optional: true}
            partial: boolean
          metrics:
            shop.refund.count: {type: counter, description: Refunds.}
      """;

  static final String DRIVER = """
      package test;

      import dev.metered.runtime.MetricSink;
      import java.util.function.BiConsumer;
      import test.metrics.OrderMetrics;

      /** One order; the String is "coupon", "retries", both or neither. */
      public class Driver implements BiConsumer<String, MetricSink> {
        @Override
        public void accept(String given, MetricSink sink) {
          OrderMetrics.Event event = new OrderMetrics(sink).event(OrderMetrics.Region.US);
          if (given.contains("coupon")) event.coupon("SPRING");
          if (given.contains("retries")) event.retries(2);
          event.record();
        }
      }
      """;

  @TempDir static Path dir;
  static Compilation compilation;
  static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    compilation = Compilations.compile(dir, SCHEMA, Compilations.source("test.Driver", DRIVER));
    classes = GeneratedClasses.ofSuccessful(compilation);
  }

  /** How a point reached the sink: by table and number, or with attributes built for the call. */
  private record Point(String metric, boolean byNumber, Attributes attributes) {}

  @SuppressWarnings("unchecked")
  private static List<Point> run(String given) {
    List<Point> points = new ArrayList<>();
    MetricSink sink = new MetricSink() {
      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        points.add(new Point(metric.name(), false, attributes));
      }

      @Override
      public void record(SeriesTable table, int index, double value) {
        points.add(new Point(table.metric().name(), true, table.get(index).attributes()));
      }
    };
    classes.instantiate("test.Driver", BiConsumer.class).accept(given, sink);
    return points;
  }

  @Test
  void withoutStringsOrNumbersEveryPointGoesToItsTableInSchemaOrder() {
    List<Point> points = run("neither");

    assertThat(points).extracting(Point::metric)
        .containsExactly("shop.order.count", "shop.order.coupons", "shop.order.regions");
    assertThat(points).allSatisfy(point -> assertThat(point.byNumber()).isTrue());
    assertThat(points.get(0).attributes().asMap()).containsExactly(entry("region", "us"));
  }

  @Test
  void withBothThePointsThatCarryThemCarryBoth() {
    List<Point> points = run("coupon and retries");

    assertThat(points).extracting(Point::metric)
        .containsExactly("shop.order.count", "shop.order.coupons", "shop.order.regions");
    assertThat(points.get(0).byNumber()).isFalse();
    assertThat(points.get(0).attributes().asMap())
        .containsExactly(entry("region", "us"), entry("coupon", "SPRING"), entry("retries", 2L));
    assertThat(points.get(1).byNumber()).isFalse();
    assertThat(points.get(1).attributes().asMap()).containsExactly(entry("region", "us"), entry("coupon", "SPRING"));
    assertThat(points.get(2).byNumber()).as("carries neither").isTrue();
  }

  @Test
  void aMetricWithoutTheGivenNumberKeepsItsTable() {
    List<Point> points = run("retries");

    assertThat(points.get(0).byNumber()).isFalse();
    assertThat(points.get(0).attributes().asMap()).containsExactly(entry("region", "us"), entry("retries", 2L));
    assertThat(points.get(1).byNumber()).as("coupons carries no retries, and no coupon was given").isTrue();
    assertThat(points.get(1).attributes().asMap()).containsExactly(entry("region", "us"));
    assertThat(points.get(2).byNumber()).isTrue();
  }

  @Test
  void aMetricWithTheGivenStringAloneCarriesIt() {
    List<Point> points = run("coupon");

    assertThat(points.get(0).attributes().asMap()).containsExactly(entry("region", "us"), entry("coupon", "SPRING"));
    assertThat(points.get(1).byNumber()).isFalse();
    assertThat(points.get(1).attributes().asMap()).containsExactly(entry("region", "us"), entry("coupon", "SPRING"));
  }

  @Test
  void aFieldThatAloneDecidesTheBranchIsNotCheckedAgainInIt() throws IOException {
    String recorder = compilation.generatedSourceFile("test.metrics.RefundMetrics").orElseThrow()
        .getCharContent(true).toString();

    assertThat(recorder).containsOnlyOnce("reason == null").doesNotContain("reason != null");
    assertThat(recorder).doesNotContain(".get(series)").doesNotContain(".with(");
  }
}
