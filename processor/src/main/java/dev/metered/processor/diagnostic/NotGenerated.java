package dev.metered.processor.diagnostic;

/**
 * The words an error adds to say what it keeps from being generated, so that javac's follow-on
 * "cannot find symbol" for that class is explained by the one Metered error that causes it.
 */
public final class NotGenerated {
  /** For an error that leaves no recorder to generate: no schema, or no usable package. (The wrappers are written, timing nothing.) */
  public static final String NOTHING = "; until it is fixed no recorder is generated";

  private NotGenerated() {}

  /** For an error in a family: its recorder, for example {@code CommandMetrics}, is not written. */
  public static String recorder(String recorderName) {
    return "; until it is fixed " + recorderName + " is not generated";
  }

  /** For an error in a handler class that no wrapper can extend. */
  public static String wrapper(String wrapperName) {
    return "; until it is fixed " + wrapperName + " is not generated";
  }
}
