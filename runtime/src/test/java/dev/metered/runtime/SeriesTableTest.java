package dev.metered.runtime;

import static dev.metered.runtime.TestValues.ROUTE_VALUES;
import static dev.metered.runtime.TestValues.SUCCESS_FALSE;
import static dev.metered.runtime.TestValues.SUCCESS_TRUE;
import static dev.metered.runtime.TestValues.SUCCESS_VALUES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metered.runtime.TestValues.Route;
import dev.metered.runtime.internal.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SeriesTableTest {
  private final Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AUTO);

  @Test
  void everyNumberDecodesToTheAttributesTheGeneratedArithmeticEncodes() {
    SeriesTable table = TestValues.table(requests);

    assertThat(table.size()).isEqualTo(6);
    for (Route route : Route.values()) {
      for (boolean success : new boolean[] {false, true}) {
        Series series = table.get(TestValues.seriesIndex(route, success));
        assertThat(series.metric()).isSameAs(requests);
        assertThat(series.attributes().asList())
            .containsExactly(route.attribute(), success ? SUCCESS_TRUE : SUCCESS_FALSE);
      }
    }
  }

  @Test
  void aSeriesIsBuiltOnceAndKept() {
    SeriesTable table = TestValues.table(requests);

    Series first = table.get(3);

    assertThat(table.get(3)).isSameAs(first);
    assertThat(first.index()).isEqualTo(3);
    assertThat(first.table()).isSameAs(table);
  }

  @Test
  void anAbsentPositionLeavesTheAttributeOut() {
    Dimension optionalRoute = Dimension.optional(Route.values());
    SeriesTable table = new SeriesTable(requests, optionalRoute, SUCCESS_VALUES);

    // Index 0 of an optional dimension is "absent": generated code adds 1 to the ordinal.
    assertThat(table.get(0 * 2 + 1).attributes().asList()).containsExactly(SUCCESS_TRUE);
    assertThat(table.get((Route.CART.ordinal() + 1) * 2).attributes().asList())
        .containsExactly(Route.CART.attribute(), SUCCESS_FALSE);
    assertThat(Dimension.optionalBoolean(SUCCESS_FALSE, SUCCESS_TRUE).size()).isEqualTo(3);
  }

  @Test
  void aMetricWithoutAttributesHasOneSeries() {
    SeriesTable table = new SeriesTable(requests);

    assertThat(table.size()).isEqualTo(1);
    assertThat(table.get(0).attributes().size()).isZero();
  }

  @Test
  void aSinkRecordsANumberAsTheTablesSeriesOnlyWhileEnabled() {
    Metric counter = Metric.counter("shop.requests", null, null, DeliveryMode.AUTO);
    SeriesTable table = TestValues.table(counter);
    AtomicBoolean enabled = new AtomicBoolean(false);
    List<Attributes> received = new ArrayList<>();
    MetricSink sink = new MetricSink() {
      @Override
      public boolean isEnabled() {
        return enabled.get();
      }

      @Override
      public void record(Metric metric, double value, Attributes attributes) {
        assertThat(metric).isSameAs(counter);
        assertThat(value).isEqualTo(2.5);
        received.add(attributes);
      }
    };

    int cartFailed = TestValues.seriesIndex(Route.CART, false);
    sink.record(table, 3, 1);
    enabled.set(true);
    sink.record(table, cartFailed, 2.5);

    assertThat(received).as("the series' prebuilt attributes, nothing built for the call")
        .singleElement().isSameAs(table.get(cartFailed).attributes());
    assertThat(received.get(0).asList()).containsExactly(Route.CART.attribute(), SUCCESS_FALSE);
  }

  @Test
  void tooManyCombinationsAreRefused() {
    Dimension hundred = Dimension.of(values(100));

    assertThatThrownBy(() -> new SeriesTable(requests, hundred, hundred, ROUTE_VALUES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shop.requests has more than 10000 attribute combinations");
  }

  @Test
  void metricsGetDistinctDenseIds() {
    Metric other = Metric.gauge("shop.cart.size", null, null, DeliveryMode.AUTO);

    assertThat(other.id()).isNotEqualTo(requests.id()).isNotNegative();
    assertThat(other.delivery()).isEqualTo(DeliveryMode.AUTO);
    assertThat(requests.family()).isEqualTo("request");
  }

  private static AttributeValue[] values(int count) {
    AttributeValue[] values = new AttributeValue[count];
    for (int i = 0; i < count; i++) {
      values[i] = new TestAttributeValue(Attribute.ofLong("n", i));
    }
    return values;
  }
}
