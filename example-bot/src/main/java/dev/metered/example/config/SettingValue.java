package dev.metered.example.config;

import java.util.Objects;

/**
 * A setting's raw text and where it came from, so that a message about a bad value can say where to
 * fix it.
 *
 * @param setting the setting
 * @param text the text as given, trimmed
 * @param source for example {@code environment variable} or the properties file's name
 */
public record SettingValue(Setting setting, String text, String source) {

  /** Checks the fields and trims the text. */
  public SettingValue {
    Objects.requireNonNull(setting, "setting");
    text = text.trim();
    Objects.requireNonNull(source, "source");
  }

  /**
   * The setting's default.
   *
   * @param setting the setting
   * @return its default value, from {@code default}
   */
  public static SettingValue defaultOf(Setting setting) {
    return new SettingValue(setting, setting.defaultValue(), "default");
  }

  /**
   * Whether the value is empty: an optional setting that is off.
   *
   * @return {@code true} for an empty text
   */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
