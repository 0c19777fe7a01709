package dev.metered.processor.model;

import dev.metered.processor.diagnostic.SourcePosition;
import java.util.List;
import java.util.Map;

/**
 * A metric of a family.
 *
 * @param name the full name, for example {@code bot.command.usage}
 * @param unit Sentry's unit name, or {@code null}
 * @param value the field whose value is recorded, or {@code null} for 1
 * @param attributes the attributes it carries, in family order
 * @param defaults wire values for attributes of this metric, used when the caller gave none
 * @param conditions what must all hold for the metric to be emitted
 * @param description the schema's description, or {@code null}
 * @param delivery how its data points reach Sentry: its own mode, else its family's, else auto
 * @param constantName the recorder's constant for the name, for example {@code USAGE}
 * @param position where the metric's name is in the schema
 * @param unitPosition where its unit is, or {@code null}
 */
public record MetricModel(
    String name,
    MetricType type,
    String unit,
    Field value,
    List<Field> attributes,
    Map<String, String> defaults,
    List<Condition> conditions,
    String description,
    DeliveryMode delivery,
    String constantName,
    SourcePosition position,
    SourcePosition unitPosition) {}
