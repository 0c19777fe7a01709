package dev.metered.runtime.internal;

import dev.metered.runtime.Attribute;
import dev.metered.runtime.AttributeValue;
import java.util.Arrays;
import java.util.Objects;

/**
 * The values one attribute of a metric can take, in a fixed order: an enum's constants in
 * declaration order, or {@code false, true} for a boolean; when the attribute can be absent,
 * "absent" comes first. A value's position is its index in the dimension.
 *
 * <p>Generated recorders compute a data point's position in a
 * {@link dev.metered.runtime.SeriesTable} from these indexes with plain arithmetic, so finding the
 * series of a call needs no hashing. For generated code only (see the package's documentation).
 */
public final class Dimension {
  private final Attribute[] values;

  private Dimension(Attribute[] values) {
    this.values = values;
  }

  /** A dimension of the given values, which the attribute always has one of. */
  public static Dimension of(AttributeValue... values) {
    Attribute[] attributes = new Attribute[values.length];
    for (int i = 0; i < values.length; i++) {
      attributes[i] = Objects.requireNonNull(values[i].attribute(), "attribute");
    }
    return new Dimension(attributes);
  }

  /** A dimension of the given values or absent (index 0). */
  public static Dimension optional(AttributeValue... values) {
    Attribute[] attributes = new Attribute[values.length + 1];
    for (int i = 0; i < values.length; i++) {
      attributes[i + 1] = Objects.requireNonNull(values[i].attribute(), "attribute");
    }
    return new Dimension(attributes);
  }

  /** A boolean attribute: index 0 is {@code whenFalse}, index 1 {@code whenTrue}. */
  public static Dimension ofBoolean(Attribute whenFalse, Attribute whenTrue) {
    return new Dimension(new Attribute[] {
        Objects.requireNonNull(whenFalse, "whenFalse"), Objects.requireNonNull(whenTrue, "whenTrue")});
  }

  /** A boolean attribute that can be absent: index 0 absent, 1 {@code whenFalse}, 2 {@code whenTrue}. */
  public static Dimension optionalBoolean(Attribute whenFalse, Attribute whenTrue) {
    return new Dimension(new Attribute[] {
        null, Objects.requireNonNull(whenFalse, "whenFalse"), Objects.requireNonNull(whenTrue, "whenTrue")});
  }

  /** How many positions the dimension has, "absent" included. */
  public int size() {
    return values.length;
  }

  /** The attribute at {@code index}, or {@code null} for "absent". */
  public Attribute attribute(int index) {
    return values[index];
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
