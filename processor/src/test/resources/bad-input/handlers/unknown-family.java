// expect: MeteredUnknownFamily 8:21 '"comand"'
// schema: command.yaml
package test;

import dev.metered.annotations.Metered;

class UnknownFamily {
  @Metered(family = "comand", attributes = "command=ping")
  void ping() {}
}
