package test;

import dev.metered.annotations.Metered;

/** Two valid command handlers, compiled with schema cases that say '# handlers: sources/CommandHandlers.java'. */
class CommandHandlers {
  @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
  void ping() {}

  @Metered(family = "command", attributes = {"command=info", "command_type=prefix"})
  void info() {}
}
