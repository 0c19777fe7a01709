// expect: MeteredHandlerNoDuration 8:21 '"command"'
// schema: command-without-duration.yaml
package test;

import dev.metered.annotations.Metered;

class HandlerWithoutDuration {
  @Metered(family = "command", attributes = {"command=ping", "command_type=slash"})
  void ping() {}
}
