package dev.metered.runtime;

import dev.metered.runtime.internal.Dimension;

/** Attribute values and metrics shaped like the ones generated recorders declare. */
final class TestValues {
  private TestValues() {}

  enum Route implements AttributeValue {
    HOME("home"), SEARCH("search"), CART("cart");

    private final String wireValue;
    private final Attribute attribute;

    Route(String wireValue) {
      this.wireValue = wireValue;
      this.attribute = Attribute.ofString("route", wireValue);
    }

    @Override
    public String wireValue() {
      return wireValue;
    }

    @Override
    public Attribute attribute() {
      return attribute;
    }
  }

  static final Attribute SUCCESS_TRUE = Attribute.ofBoolean("success", true);
  static final Attribute SUCCESS_FALSE = Attribute.ofBoolean("success", false);
  static final Dimension ROUTE_VALUES = Dimension.of(Route.values());
  static final Dimension SUCCESS_VALUES = Dimension.ofBoolean(SUCCESS_FALSE, SUCCESS_TRUE);

  /** The number generated code computes for {@code route} and {@code success}. */
  static int seriesIndex(Route route, boolean success) {
    return route.ordinal() * 2 + (success ? 1 : 0);
  }

  static SeriesTable table(Metric metric) {
    return new SeriesTable(metric, ROUTE_VALUES, SUCCESS_VALUES);
  }
}
