package test;

import dev.metered.annotations.Metered;

/** Two valid command handlers, compiled with schema cases that say '# handlers: sources/CommandHandlers.java'. */
class CommandHandlers {
  @Metered(family = "command", attributes = "command=ping")
  void ping() {}

  @Metered(family = "command", attributes = "command=info")
  void info() {}
}
