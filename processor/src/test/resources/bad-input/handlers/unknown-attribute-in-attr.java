// expect: MeteredUnknownAttribute 10:19 '"comand_type"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class UnknownAttributeInAttr {
  @Metered(family = "command", attributes = "command=ping")
  void ping(@Attr("comand_type") String type) {}
}
