package dev.metered.processor.model;

/**
 * A condition on a field under which a metric is emitted.
 *
 * @param operand the wire value compared with; {@code "true"} or {@code "false"} for {@link
 *     Operator#GIVEN}
 */
public record Condition(Field field, Operator operator, String operand) {

  /** How the field is compared. */
  public enum Operator {
    /** The field was given and equals the operand. */
    EQUALS,
    /** The field was given and is greater than the operand. */
    ABOVE,
    /** The field was given and is less than the operand. */
    BELOW,
    /** The field was given (operand {@code true}) or was not (operand {@code false}). */
    GIVEN
  }

  /** The condition as the docs and generated javadoc read it, for example "success is false". */
  public String describe() {
    return switch (operator) {
      case EQUALS -> field.key() + " is " + operand;
      case ABOVE -> field.key() + " is above " + operand;
      case BELOW -> field.key() + " is below " + operand;
      case GIVEN -> field.key() + (Boolean.parseBoolean(operand) ? " was given" : " was not given");
    };
  }
}
