// expect: MeteredBadHandlerAttribute 12:45 '"command="'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class EmptyValue {
  @Metered(family = "command", attributes = "command=info")
  void info() {}

  @Metered(family = "command", attributes = "command=")
  void ping() {}
}
