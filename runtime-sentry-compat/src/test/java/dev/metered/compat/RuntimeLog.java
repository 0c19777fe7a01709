package dev.metered.compat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The warnings the runtime logs (through {@code System.Logger}, which is java.util.logging here),
 * captured from the moment this is installed: before the runtime's first use, so that its one
 * check of the SDK is seen.
 */
final class RuntimeLog extends Handler {
  // Held here: java.util.logging keeps loggers only weakly.
  private static final Logger RUNTIME = Logger.getLogger("dev.metered.runtime");
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  private RuntimeLog() {}

  static RuntimeLog install() {
    RuntimeLog log = new RuntimeLog();
    RUNTIME.addHandler(log);
    return log;
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      warnings.add(record.getMessage());
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
