package dev.metered.runtime;

/** The {@code error_type} of a failure, as generated wrappers record it. */
public final class ErrorTypes {
  private ErrorTypes() {}

  /**
   * The simple name of the exception's class, or of the nearest named superclass for an anonymous
   * one ({@code new IllegalStateException() {}} is {@code IllegalStateException}), so that an
   * error type is never empty.
   */
  public static String of(Throwable failure) {
    Class<?> type = failure.getClass();
    while (type.isAnonymousClass() && type.getSuperclass() != null) {
      type = type.getSuperclass();
    }
    return type.getSimpleName();
  }
}
