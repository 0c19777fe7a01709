package dev.metered.example.config;

/**
 * A setting has a value the bot cannot use. The message is one line meant for the user, naming the
 * setting, where its value came from, and what is expected; the value itself is left out for
 * secrets.
 */
public final class InvalidSettingException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * A bad value.
   *
   * @param value the value and its origin
   * @param expected what would have been accepted
   */
  public InvalidSettingException(SettingValue value, String expected) {
    super(
        value.setting().name()
            + (value.setting().isSecret() ? "" : "='" + value.text() + "'")
            + " ("
            + value.source()
            + "): "
            + expected);
  }

  /**
   * A problem that is not about one value, such as an unreadable properties file.
   *
   * @param message the whole message
   */
  public InvalidSettingException(String message) {
    super(message);
  }
}
