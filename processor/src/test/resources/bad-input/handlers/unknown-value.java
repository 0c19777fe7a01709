// expect: MeteredUnknownValue 9:62 '"command_type=slsh"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class UnknownValue {
  @Metered(family = "command", attributes = {"command=ping", "command_type=slsh"})
  void ping() {}
}
