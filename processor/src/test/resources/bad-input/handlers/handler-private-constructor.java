// expect: MeteredHandlerConstructor 10:3 '@Metered'
// schema: command.yaml
package test;

import dev.metered.annotations.Metered;

class Singleton {
  private Singleton() {}

  @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
  void ping() {}
}
