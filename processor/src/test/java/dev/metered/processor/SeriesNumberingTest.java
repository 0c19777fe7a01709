package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.DeliveryMode;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.SeriesTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated recorders number each data point's attribute set by arithmetic on enum ordinals and
 * booleans, and the runtime's {@code SeriesTable} decodes the number back into attributes. This
 * test drives every combination of a schema with every kind of dimension (required and optional
 * enums, required and optional booleans, a boolean with {@code omit_when}, a metric default) and
 * checks that each point reaches the sink as a table series whose attributes are exactly the
 * ones the call gave, that distinct calls get distinct series, and that a string attribute moves
 * the point off the table.
 */
class SeriesNumberingTest {
  static final String SCHEMA = """
      schema: 1
      namespace: shop
      package: test.metrics
      families:
        visit:
          delivery: aggregate
          attributes:
            page: {type: enum, values: [home, search, cart]}
            device: {type: enum, values: [phone, desktop], optional: true}
            member: boolean
            express: {type: boolean, optional: true}
            trial: {type: boolean, optional: true, omit_when: false}
            referrer: {type: string, max_length: 20, max_values: 10, optional: true}
          metrics:
            shop.visit.count: {type: counter, description: Visits.}
            shop.visit.devices: {type: counter, delivery: event, attributes: [device, member], defaults: {device: phone}, description: Visits by device.}
      """;

  static final JavaFileObject DRIVER = Compilations.source("test.Driver", """
      package test;

      import dev.metered.runtime.MetricSink;
      import java.util.function.BiConsumer;
      import test.metrics.VisitMetrics;
      import test.metrics.VisitMetrics.Device;
      import test.metrics.VisitMetrics.Page;

      /** Records one visit per combination; the String names the combination. */
      public class Driver implements BiConsumer<String, MetricSink> {
        @Override
        public void accept(String referrer, MetricSink sink) {
          VisitMetrics metrics = new VisitMetrics(sink);
          Device[] devices = {null, Device.PHONE, Device.DESKTOP};
          Boolean[] maybe = {null, false, true};
          for (Page page : Page.values()) {
            for (Device device : devices) {
              for (boolean member : new boolean[] {false, true}) {
                for (Boolean express : maybe) {
                  for (Boolean trial : maybe) {
                    VisitMetrics.Event event = metrics.event(page, member);
                    if (device != null) event.device(device);
                    if (express != null) event.express(express);
                    if (trial != null) event.trial(trial);
                    if (referrer != null) event.referrer(referrer);
                    event.record();
                  }
                }
              }
            }
          }
        }
      }
      """);

  @TempDir static Path dir;
  static GeneratedClasses classes;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile(dir, SCHEMA, DRIVER);
    classes = GeneratedClasses.ofSuccessful(compilation);
  }

  /**
   * What reached the sink: the table and the number of a point that came by number
   * ({@code MetricSink.record(SeriesTable, int, double)}), or a null table and -1 for one
   * recorded with the attributes built for the call.
   */
  private record Point(Metric metric, SeriesTable table, int index, Attributes attributes) {
    boolean byNumber() {
      return table != null;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Point> run(String referrer) {
    List<Point> points = new ArrayList<>();
    MetricSink sink = new MetricSink() {
      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        points.add(new Point(metric, null, -1, attributes));
      }

      @Override
      public void record(SeriesTable table, int index, double value) {
        points.add(new Point(table.metric(), table, index, table.get(index).attributes()));
      }
    };
    classes.instantiate("test.Driver", BiConsumer.class).accept(referrer, sink);
    return points;
  }

  @Test
  void everyCombinationIsATableSeriesCarryingExactlyTheGivenAttributes() {
    List<Point> points = run(null);

    // 3 pages x 3 devices x 2 members x 3 express x 3 trial, two metrics each.
    assertThat(points).hasSize(2 * 162);
    List<Map<String, Object>> expected = expectedCountAttributes();
    List<Point> counts = points.stream().filter(p -> p.metric().name().equals("shop.visit.count")).toList();
    assertThat(counts).allSatisfy(point -> {
      assertThat(point.byNumber()).as("handed over as its table and number, no attributes built").isTrue();
      assertThat(point.index()).isBetween(0, point.table().size() - 1);
    });
    assertThat(counts).extracting(point -> point.attributes().asMap()).containsExactlyElementsOf(expected);
    Set<Integer> numbers = new HashSet<>();
    Set<Map<String, Object>> distinctSets = new HashSet<>(expected);
    counts.forEach(point -> numbers.add(point.index()));
    assertThat(numbers).as("one number per distinct attribute set").hasSameSizeAs(distinctSets);
  }

  @Test
  void aMetricDefaultFillsTheAbsentValueAndTheSchemaDeclaresTheModes() {
    List<Point> devices = run(null).stream().filter(p -> p.metric().name().equals("shop.visit.devices")).toList();

    assertThat(devices).as("every attribute closed: recorded by table and number")
        .allSatisfy(point -> assertThat(point.byNumber()).isTrue());
    assertThat(devices).extracting(point -> point.attributes().asMap().get("device"))
        .containsOnly("phone", "desktop");
    assertThat(devices.get(0).table().size()).as("device (2, default: never absent) x member (2)").isEqualTo(4);
    assertThat(devices.get(0).metric().delivery()).isEqualTo(DeliveryMode.EVENT);
    assertThat(run(null).get(0).metric().delivery()).as("the family's").isEqualTo(DeliveryMode.AGGREGATE);
  }

  @Test
  void aGivenStringTakesThePointOffTheTable() {
    List<Point> counts = run("newsletter").stream().filter(p -> p.metric().name().equals("shop.visit.count")).toList();

    assertThat(counts).allSatisfy(point -> {
      assertThat(point.byNumber()).as("recorded with the attributes built for the call").isFalse();
      assertThat(point.attributes().asMap()).containsEntry("referrer", "newsletter");
    });
  }

  /** The attributes of shop.visit.count for each call of the driver, worked out independently. */
  private static List<Map<String, Object>> expectedCountAttributes() {
    List<Map<String, Object>> expected = new ArrayList<>();
    String[] devices = {null, "phone", "desktop"};
    Boolean[] maybe = {null, false, true};
    for (String page : new String[] {"home", "search", "cart"}) {
      for (String device : devices) {
        for (boolean member : new boolean[] {false, true}) {
          for (Boolean express : maybe) {
            for (Boolean trial : maybe) {
              Map<String, Object> attributes = new LinkedHashMap<>();
              attributes.put("page", page);
              if (device != null) {
                attributes.put("device", device);
              }
              attributes.put("member", member);
              if (express != null) {
                attributes.put("express", express);
              }
              if (Boolean.TRUE.equals(trial)) {
                attributes.put("trial", true); // omit_when: false
              }
              expected.add(attributes);
            }
          }
        }
      }
    }
    return expected;
  }
}
