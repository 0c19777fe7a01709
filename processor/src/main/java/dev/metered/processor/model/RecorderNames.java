package dev.metered.processor.model;

/**
 * The names a recorder gives its own members, besides the ones the schema names directly (a
 * metric's public constant, an enum's constants, a field's parameter). Named here, once, for the
 * generator that declares them and for the validator that refuses a schema whose names would meet
 * one of them (docs/schema.md lists them, because users must not take them).
 */
public final class RecorderNames {
  /** The private constant holding the recorder bound to the global sink. */
  public static final String GLOBAL = "GLOBAL";
  /** The nested class for events with optional fields, present only when the family has some. */
  public static final String EVENT_CLASS = "Event";
  /** The name no event setter may take: {@code Object}'s final {@code wait(long)} has one parameter too. */
  public static final String FINAL_OBJECT_METHOD = "wait";

  private RecorderNames() {}

  /** The recorder class of a family, for example {@code CommandMetrics} for {@code command}. */
  public static String recorder(String family) {
    return JavaNames.typeName(family) + "Metrics";
  }

  /** A metric's descriptor, for example {@code USAGE_METRIC}. */
  public static String descriptor(String metricConstant) {
    return metricConstant + "_METRIC";
  }

  /** A metric's series table, for example {@code USAGE_SERIES}. */
  public static String table(String metricConstant) {
    return metricConstant + "_SERIES";
  }

  /**
   * A closed attribute's series dimension, for example {@code COMMAND_VALUES}, or {@code
   * COMMAND_VALUES_OR_ABSENT} when a data point may lack it.
   */
  public static String dimension(String key, boolean mayBeAbsent) {
    return JavaNames.constantName(key) + (mayBeAbsent ? "_VALUES_OR_ABSENT" : "_VALUES");
  }

  /** One of a boolean attribute's two attributes, for example {@code SUCCESS_TRUE}. */
  public static String booleanConstant(String key, boolean value) {
    return JavaNames.constantName(key) + (value ? "_TRUE" : "_FALSE");
  }

  /** The flag that says whether an optional number was given, for example {@code retryCountGiven}. */
  public static String givenFlag(String memberName) {
    return memberName + "Given";
  }
}
