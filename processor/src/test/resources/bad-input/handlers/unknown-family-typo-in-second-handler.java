// expect: MeteredUnknownFamily 12:21 '"comands"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class UnknownFamilySecond {
  @Metered(family = "command", attributes = "command=ping")
  void ping() {}

  @Metered(family = "comands", attributes = "command=info")
  void info() {}
}
