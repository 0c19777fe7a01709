package dev.metered.benchmarks.handlers;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.benchmarks.metrics.CommandMetrics.CommandType;

/** A handler with a little work to do, so that the call is not optimised away. */
public class Pinger {
  @Metered(family = "command", attributes = "command=ping")
  public long ping(@Attr("command_type") CommandType type, long token) {
    return token * 31 + type.ordinal();
  }
}
