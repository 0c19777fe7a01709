package dev.metered.processor.model;

import dev.metered.processor.diagnostic.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * A family: one event whose record call emits every metric of the family whose condition
 * holds.
 *
 * @param description the schema's description, or {@code null}
 * @param attributes the fields sent as attributes, in schema order
 * @param inputs the fields the event carries that are not attributes (durations, sizes)
 * @param metrics the family's metrics, in schema order
 * @param handlers the {@code @Metered} handlers that record this family
 * @param position where the family's name is in the schema
 */
public record FamilyModel(
    String name,
    String description,
    List<Field> attributes,
    List<Field> inputs,
    List<MetricModel> metrics,
    List<HandlerModel> handlers,
    SourcePosition position) {

  /** The generated recorder's simple name, for example {@code CommandMetrics}. */
  public String recorderName() {
    return RecorderNames.recorder(name);
  }

  /** Attributes, then inputs. */
  public List<Field> fields() {
    List<Field> fields = new ArrayList<>(attributes);
    fields.addAll(inputs);
    return fields;
  }

  /** The fields every record call must give, in order. */
  public List<Field> requiredFields() {
    return fields().stream().filter(field -> !field.optionalAtCallSite()).toList();
  }

  /** The fields a caller may leave out. */
  public List<Field> optionalFields() {
    return fields().stream().filter(Field::optionalAtCallSite).toList();
  }
}
