// expect: MeteredUnsuppliedField 8:3 '@Metered'
// schema: command.yaml
package test;

import dev.metered.annotations.Metered;

class Unsupplied {
  @Metered(family = "command", attributes = "command=ping")
  void ping() {}
}
