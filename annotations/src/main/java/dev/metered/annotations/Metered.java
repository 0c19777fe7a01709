package dev.metered.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler method to a metric family of the metrics schema.
 *
 * <p>Each invocation of the handler is one event of the family: one call of the family's
 * generated recorder, which emits every metric of the family whose condition holds. The
 * annotation fixes the handler's constant attribute values, for example the command's name:
 *
 * <pre>{@code
 * @Metered(family = "command", attributes = "command=ping")
 * public void ping(@Attr("command_type") CommandType type) { ... }
 * }</pre>
 *
 * <p>A value given for an attribute that the schema marks {@code from_handlers: true} becomes a
 * constant of that attribute's generated enum, so the set of such values (command names, task
 * names) is closed at compile time. For any other enum attribute the value must be one of the
 * schema's values. Mistakes are compile errors on this annotation.
 *
 * <p>The annotation is read at compile time only and is not kept in class files.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface Metered {

  /**
   * The family this handler records, as named under {@code families:} in the schema, for
   * example {@code "command"}.
   */
  String family();

  /**
   * The handler's constant attribute values, each written {@code "attribute=value"} with the
   * schema's attribute key and wire value, for example {@code "command=ping"} or
   * {@code {"task=daily_cleanup", "task_type=scheduled"}}.
   */
  String[] attributes() default {};
}
