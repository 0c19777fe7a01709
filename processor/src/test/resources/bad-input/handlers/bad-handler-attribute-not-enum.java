// expect: MeteredBadHandlerAttribute 9:62 '"success=true"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class NotEnum {
  @Metered(family = "command", attributes = {"command=ping", "success=true"})
  void ping() {}
}
