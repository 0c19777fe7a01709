package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.runtime.Attributes;
import dev.metered.runtime.Metric;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.SeriesTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a generated recorder asks its sink {@code isEnabled()} before recording. A call that
 * makes one sink call and builds nothing hands the sink its table and number straight away,
 * which keeps the aggregate hot path one call long; any other call asks once first, so that a
 * disabled sink costs it one check rather than one per data point.
 */
class EnabledCheckTest {
  static final String SCHEMA = """
      schema: 1
      namespace: shop
      package: test.metrics
      families:
        ping:
          attributes:
            region: {type: enum, values: [eu, us]}
          metrics:
            shop.ping.count: {type: counter, description: Pings.}
        visit:
          attributes:
            page: {type: enum, values: [home, cart]}
            member: boolean
          metrics:
            shop.visit.count: {type: counter, description: Visits.}
            shop.visit.members: {type: counter, when: {member: true}, description: Member visits.}
        search:
          attributes:
            page: {type: enum, values: [home, cart]}
            query: {type: string, max_length: 20, max_values: 10}
          metrics:
            shop.search.count: {type: counter, description: Searches.}
      """;

  static final JavaFileObject DRIVER = Compilations.source("test.Driver", """
      package test;

      import dev.metered.runtime.MetricSink;
      import java.util.function.BiConsumer;
      import test.metrics.PingMetrics;
      import test.metrics.SearchMetrics;
      import test.metrics.VisitMetrics;

      /** Records one event of the family the String names. */
      public class Driver implements BiConsumer<String, MetricSink> {
        @Override
        public void accept(String family, MetricSink sink) {
          switch (family) {
            case "ping" -> new PingMetrics(sink).record(PingMetrics.Region.EU);
            case "visit" -> new VisitMetrics(sink).record(VisitMetrics.Page.CART, true);
            case "search" -> new SearchMetrics(sink).record(SearchMetrics.Page.HOME, "socks");
            default -> throw new IllegalArgumentException(family);
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

  /** A disabled sink that writes down every call a recorder makes on it. */
  private static final class DisabledSink implements MetricSink {
    final List<String> calls = new ArrayList<>();

    @Override
    public boolean isEnabled() {
      calls.add("isEnabled");
      return false;
    }

    @Override
    public void record(Metric metric, double value, Attributes attributes) {
      calls.add("record " + metric.name());
    }

    @Override
    public void record(SeriesTable table, int index, double value) {
      calls.add("record number " + table.metric().name());
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> callsFor(String family) {
    DisabledSink sink = new DisabledSink();
    classes.instantiate("test.Driver", BiConsumer.class).accept(family, sink);
    return sink.calls;
  }

  @Test
  void oneMetricOfClosedAttributesGoesToTheSinkByNumberWithoutAsking() {
    assertThat(callsFor("ping")).containsExactly("record number shop.ping.count");
  }

  @Test
  void severalMetricsAskOnceAndRecordNothingWhileTheSinkIsDisabled() {
    assertThat(callsFor("visit")).containsExactly("isEnabled");
  }

  @Test
  void aCallThatBuildsAttributesAsksFirst() {
    assertThat(callsFor("search")).containsExactly("isEnabled");
  }
}
