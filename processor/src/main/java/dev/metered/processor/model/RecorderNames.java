package dev.metered.processor.model;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a recorder gives its own private constants, made from its metrics' constants and
 * its fields' keys. Named here, once, because the validator must refuse a metric whose public
 * constant would be one of them ({@code bot.job.global} would be {@code GLOBAL}).
 */
public final class RecorderNames {
  /** The recorder bound to the global sink. */
  public static final String GLOBAL = "GLOBAL";

  private RecorderNames() {}

  /** A metric's descriptor, for example {@code USAGE_METRIC}. */
  public static String descriptor(String metricConstant) {
    return metricConstant + "_METRIC";
  }

  /** A metric's series table, for example {@code USAGE_SERIES}. */
  public static String table(String metricConstant) {
    return metricConstant + "_SERIES";
  }

  /** A closed attribute's series dimension, for example {@code COMMAND_VALUES}. */
  public static String dimension(String key, boolean mayBeAbsent) {
    return JavaNames.constantName(key) + (mayBeAbsent ? "_VALUES_OR_ABSENT" : "_VALUES");
  }

  /** One of a boolean attribute's two attributes, for example {@code SUCCESS_TRUE}. */
  public static String booleanConstant(String key, boolean value) {
    return JavaNames.constantName(key) + (value ? "_TRUE" : "_FALSE");
  }

  /** Every private constant the recorder of metrics with {@code metricConstants} and {@code fields} may declare. */
  public static Set<String> privateConstants(Collection<String> metricConstants, Collection<Field> fields) {
    Set<String> names = new TreeSet<>(Set.of(GLOBAL));
    for (String constant : metricConstants) {
      names.add(descriptor(constant));
      names.add(table(constant));
    }
    for (Field field : fields) {
      if (field.isAttribute() && (field.type() == FieldType.ENUM || field.type() == FieldType.BOOLEAN)) {
        names.add(dimension(field.key(), false));
        names.add(dimension(field.key(), true));
      }
      if (field.isAttribute() && field.type() == FieldType.BOOLEAN) {
        names.add(booleanConstant(field.key(), true));
        names.add(booleanConstant(field.key(), false));
      }
    }
    return names;
  }
}
