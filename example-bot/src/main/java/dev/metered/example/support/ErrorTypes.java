package dev.metered.example.support;

/**
 * Names a failure for the {@code error_type} attribute.
 *
 * <p>The simple class name, as Tux's {@code type(e).__name__}: short, stable across refactorings of
 * the package layout, and drawn from a small set, so it stays a low-cardinality attribute.
 */
public final class ErrorTypes {
  private ErrorTypes() {}

  /**
   * The error type of {@code failure}.
   *
   * @param failure what was thrown
   * @return its simple class name, or its full name for anonymous and local classes, whose simple
   *     name is empty
   */
  public static String of(Throwable failure) {
    Class<?> type = failure.getClass();
    String simpleName = type.getSimpleName();
    return simpleName.isEmpty() ? type.getName() : simpleName;
  }
}
