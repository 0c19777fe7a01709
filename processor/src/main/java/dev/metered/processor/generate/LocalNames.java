package dev.metered.processor.generate;

import java.util.HashSet;
import java.util.Set;

/**
 * Names for the locals a generated method declares, chosen so that none clashes with the
 * method's parameters (which come from the schema or the user's handler) or with each other.
 */
final class LocalNames {
  private final Set<String> taken;

  /** @param parameters the method's parameter names, which locals must not shadow */
  LocalNames(Set<String> parameters) {
    this.taken = new HashSet<>(parameters);
  }

  /** {@code base}, or {@code base_}, {@code base__}, ... when it is taken. */
  String unique(String base) {
    String name = base;
    while (!taken.add(name)) {
      name = name + "_";
    }
    return name;
  }
}
