package dev.metered.example.cogs;

/** A cog cannot load because a setting it needs, such as an API key, is not configured. */
public final class MissingConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * @param setting the missing setting, for example {@code WOLFRAM_APP_ID}
   */
  public MissingConfigurationException(String setting) {
    super(setting + " is not set");
  }
}
