package com.example;

import com.example.metrics.CommandMetrics.CommandType;
import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

/** The quick start's handler (README.md, step 3): what PingCommand_Metered.java is generated from. */
public class PingCommand {
  @Metered(family = "command", attributes = "command=ping")
  public String ping(@Attr("command_type") CommandType type) {
    return "pong";
  }
}
