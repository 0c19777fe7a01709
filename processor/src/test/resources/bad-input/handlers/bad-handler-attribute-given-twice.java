// expect: MeteredBadHandlerAttribute 9:62 '"command=pong"'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class GivenTwice {
  @Metered(family = "command", attributes = {"command=ping", "command=pong"})
  void ping() {}
}
