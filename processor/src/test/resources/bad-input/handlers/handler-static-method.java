// expect: MeteredHandlerShape 8:3 '@Metered'
// schema: command.yaml
package test;

import dev.metered.annotations.Metered;

class StaticHandler {
  @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
  static void ping() {}
}
