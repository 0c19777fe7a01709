package dev.metered.maven;

import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints what the processor's checks reported into Maven's log, in the processor's own
 * {@code [Code] FILE:LINE:COLUMN: message} form, so that terminals and IDEs link to the place.
 */
final class DiagnosticLog {
  private DiagnosticLog() {}

  /**
   * Logs every diagnostic at its level: errors as errors, warnings as warnings, notes as info.
   *
   * @return how many errors there were
   */
  static int print(Diagnostics diagnostics, Log log) {
    int errors = 0;
    for (Diagnostic diagnostic : diagnostics.all()) {
      switch (diagnostic.kind()) {
        case ERROR -> {
          errors++;
          log.error(diagnostic.formatted());
        }
        case WARNING, MANDATORY_WARNING -> log.warn(diagnostic.formatted());
        default -> log.info(diagnostic.formatted());
      }
    }
    return errors;
  }
}
