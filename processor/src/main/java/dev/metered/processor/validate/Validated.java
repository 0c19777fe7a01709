package dev.metered.processor.validate;

import dev.metered.processor.model.MetricsModel;
import java.util.Optional;
import java.util.Set;

/**
 * What a schema with its handlers gives the generator, errors or not: the families that can be
 * generated, so that one mistake costs one error and not every class that uses a recorder.
 *
 * @param model the families that can be generated, each without its metrics that had errors;
 *     empty when nothing can be (the schema's package or namespace is unusable)
 * @param familiesWithErrors the families of the schema with an error in them: those left out of
 *     {@code model}, and those in it without some of their metrics. Their handlers get no
 *     wrapper method until the schema is fixed
 */
public record Validated(Optional<MetricsModel> model, Set<String> familiesWithErrors) {
  /** Whether every family is generated whole. */
  public boolean complete() {
    return model.isPresent() && familiesWithErrors.isEmpty();
  }
}
