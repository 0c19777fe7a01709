// expect: MeteredUnknownAttribute 9:62 '"comand_type=slash"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class UnknownAttributeInAttributes {
  @Metered(family = "command", attributes = {"command=ping", "comand_type=slash"})
  void ping() {}
}
