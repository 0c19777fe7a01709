package dev.metered.example.cogs;

import dev.metered.example.metrics.CogMetrics;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A cog the bot knows: its name, and how to make a fresh instance of it. A reload makes a new
 * instance, as reloading a Python extension re-imports its module.
 *
 * @param name the cog's name
 * @param factory makes an instance; it may throw, which fails the load
 */
public record CogDefinition(CogMetrics.Cog name, Supplier<? extends Cog> factory) {

  /** Checks the fields. */
  public CogDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
  }
}
