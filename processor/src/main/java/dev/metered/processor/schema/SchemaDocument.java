package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.model.DeliveryMode;
import dev.metered.processor.model.FieldType;
import dev.metered.processor.model.MetricType;
import java.util.List;
import java.util.Set;

/**
 * The schema as written, shape-checked but not yet cross-checked: names that refer to other
 * parts are kept as scalars with their positions, so that the validator can point at them.
 *
 * @param namespace the first segment every metric name starts with, for example {@code bot}
 * @param javaPackage the package of the generated recorders
 * @param lint the entries of the {@code lint:} section: severities by code, and settings
 * @param unread what had reading errors (reported), so that the rest can still be generated
 */
public record SchemaDocument(
    SourcePosition position,
    YamlNode.Scalar namespace,
    YamlNode.Scalar javaPackage,
    List<Family> families,
    List<YamlNode.Entry> lint,
    Unread unread) {

  /**
   * The parts of the schema that had reading errors.
   *
   * @param topLevel whether the version, namespace, package or {@code families:} itself had an
   *     error: then nothing can be generated
   * @param families the families with an error outside their metrics, left out of {@link
   *     #families()}: their recorders cannot be generated
   * @param withoutMetrics the families read without the metrics that had errors: their recorders
   *     can be generated, without those metrics
   */
  public record Unread(boolean topLevel, Set<String> families, Set<String> withoutMetrics) {
    /** Whether anything had an error. */
    public boolean any() {
      return topLevel || !families.isEmpty() || !withoutMetrics.isEmpty();
    }
  }

  /**
   * A family: one event, several metrics.
   *
   * @param delivery the delivery mode of its metrics, or {@code null} for the default
   */
  public record Family(
      String name,
      SourcePosition position,
      String description,
      DeliveryMode delivery,
      List<Field> attributes,
      List<Field> inputs,
      List<Metric> metrics) {}

  /**
   * An attribute (sent with the data points) or an input (a value the event carries that is not
   * sent as an attribute, such as a duration).
   *
   * @param values the closed value set of an enum, empty otherwise
   * @param fromHandlers whether {@code @Metered} handlers add values to the enum
   * @param maxLength a string's maximum length, or {@code null}
   * @param maxValues how many distinct values a non-enum attribute takes at most, or {@code null}
   * @param defaultValue the value used when the caller gives none, or {@code null}
   * @param omitWhen the value for which the attribute is left out, or {@code null}
   * @param fallback the enum value that wire values outside the set map to, or {@code null}
   */
  public record Field(
      String key,
      SourcePosition position,
      FieldType type,
      List<YamlNode.Scalar> values,
      boolean fromHandlers,
      Integer maxLength,
      Integer maxValues,
      boolean optional,
      YamlNode.Scalar defaultValue,
      YamlNode.Scalar omitWhen,
      YamlNode.Scalar fallback,
      String description) {}

  /**
   * A metric of a family.
   *
   * @param delivery its delivery mode, or {@code null} for its family's
   * @param value the field whose value the metric takes, or {@code null} for 1
   * @param attributes the attributes it carries, or {@code null} for all of the family's
   * @param defaults values for attributes of this metric only, used when none was given
   * @param when conditions that must all hold for the metric to be emitted
   */
  public record Metric(
      String name,
      SourcePosition position,
      MetricType type,
      YamlNode.Scalar unit,
      String description,
      DeliveryMode delivery,
      YamlNode.Scalar value,
      List<YamlNode.Scalar> attributes,
      List<Default> defaults,
      List<Condition> when) {}

  /** A per-metric default: {@code attribute: value}. */
  public record Default(YamlNode.Scalar attribute, YamlNode.Scalar value) {}

  /**
   * A condition on a field.
   *
   * @param operator {@code equals}, {@code above}, {@code below} or {@code given}
   */
  public record Condition(YamlNode.Scalar field, String operator, YamlNode.Scalar operand) {}
}
