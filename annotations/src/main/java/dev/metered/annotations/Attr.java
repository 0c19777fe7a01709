package dev.metered.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Takes an attribute's value from a parameter of a {@link Metered} handler.
 *
 * <pre>{@code
 * @Metered(family = "command", attributes = "command=ping")
 * public void ping(@Attr("command_type") CommandMetrics.CommandType type) { ... }
 * }</pre>
 *
 * <p>The parameter's type must match the attribute's type: its generated enum, {@code boolean},
 * {@code long} (or {@code int}, {@code short}, {@code byte}), {@code double} (or {@code float})
 * or {@code String}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.PARAMETER)
public @interface Attr {

  /** The attribute's key in the schema, for example {@code "command_type"}. */
  String value();
}
