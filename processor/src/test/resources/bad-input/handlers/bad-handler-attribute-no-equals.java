// expect: MeteredBadHandlerAttribute 12:45 '"ping"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class NoEquals {
  @Metered(family = "command", attributes = "command=info")
  void info() {}

  @Metered(family = "command", attributes = "ping")
  void ping() {}
}
