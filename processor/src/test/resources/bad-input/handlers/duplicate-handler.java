// expect: MeteredDuplicateHandler 12:3 '@Metered'
// schema: command.yaml
package test;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;

class DuplicateHandler {
  @Metered(family = "command", attributes = "command=ping")
  void ping() {}

  @Metered(family = "command", attributes = "command=ping")
  void pingAgain() {}
}
