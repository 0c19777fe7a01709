package dev.metered.compat;

/** The version of the Sentry SDK on the class path, read at run time (javac inlines the constant). */
final class SdkVersion {
  private SdkVersion() {}

  /** {@code io.sentry.BuildConfig.VERSION_NAME}, or {@code null} when there is no SDK. */
  static String onClassPath() {
    try {
      return (String) Class.forName("io.sentry.BuildConfig").getField("VERSION_NAME").get(null);
    } catch (ReflectiveOperationException missing) {
      return null;
    }
  }

  /** The version the build put on this execution's class path. */
  static String expected() {
    return System.getProperty("expected.sentry.version");
  }
}
