package com.example;

import com.example.metrics.CommandMetrics.CommandType;
import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

// The README's handler.
@Component
public class PingCommand {
  private final Clock clock;
  private final String greeting;

  public PingCommand(Clock clock, @Value("${bot.greeting}") String greeting) {
    this.clock = clock;
    this.greeting = greeting;
  }

  @Metered(family = "command", attributes = "command=ping")
  public String ping(@Attr("command_type") CommandType type) {
    return greeting + " at " + clock.instant();
  }
}
