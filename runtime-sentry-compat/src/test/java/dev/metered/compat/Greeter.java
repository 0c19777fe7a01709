package dev.metered.compat;

import dev.metered.annotations.Metered;

/** A handler whose generated wrapper ({@code Greeter_Metered}) the tests call. */
public class Greeter {
  /** Succeeds. */
  @Metered(family = "command", attributes = "command=greet")
  public String greet(String name) {
    return "hello " + name;
  }

  /** Fails with its own exception, which the wrapper must rethrow unchanged. */
  @Metered(family = "command", attributes = "command=refuse")
  public String refuse() {
    throw new IllegalStateException("no");
  }
}
