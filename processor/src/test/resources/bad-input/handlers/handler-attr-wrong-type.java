// expect: MeteredAttrType 10:19 '"command_type"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class WrongAttrType {
  @Metered(family = "command", attributes = "command=ping")
  void ping(@Attr("command_type") String type) {}
}
