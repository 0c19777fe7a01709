package dev.metered.example.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads the settings: each from the environment when set there, else from the properties file, else
 * its default. The properties file uses the environment variables' names as keys.
 *
 * <p>The environment wins so that one run can override a file that is shared, as container
 * platforms and CI set variables. A key in the file that is no setting is an error rather than
 * ignored: a typo there would otherwise silently run the bot with a default.
 */
public final class SettingsLoader {
  private SettingsLoader() {}

  /**
   * Loads and checks the settings.
   *
   * @param environment the environment, as {@link System#getenv()} gives it
   * @param workingDirectory where a relative {@code BOT_CONFIG} path is resolved
   * @return the settings
   * @throws InvalidSettingException when a value is bad or the file cannot be read
   */
  public static Settings load(Map<String, String> environment, Path workingDirectory)
      throws InvalidSettingException {
    Map<Setting, SettingValue> values = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      values.put(setting, SettingValue.defaultOf(setting));
    }
    values.putAll(readFile(environment, workingDirectory));
    for (Setting setting : Setting.values()) {
      String fromEnvironment = environment.get(setting.name());
      if (fromEnvironment != null) {
        values.put(setting, new SettingValue(setting, fromEnvironment, "environment variable"));
      }
    }
    return Settings.parse(values);
  }

  private static Map<Setting, SettingValue> readFile(
      Map<String, String> environment, Path workingDirectory) throws InvalidSettingException {
    String named = environment.get(Setting.BOT_CONFIG.name());
    boolean explicit = named != null && !named.isBlank();
    Path file =
        workingDirectory.resolve(explicit ? named.trim() : Setting.BOT_CONFIG.defaultValue());
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException missing) {
      if (explicit) {
        throw new InvalidSettingException(
            "BOT_CONFIG='" + named.trim() + "' (environment variable): no such file: " + file);
      }
      return Map.of();
    } catch (IOException | IllegalArgumentException unreadable) {
      // IllegalArgumentException: a malformed \\u escape in the file.
      throw new InvalidSettingException(
          "cannot read the settings file " + file + ": " + unreadable.getMessage());
    }
    Map<Setting, SettingValue> values = new EnumMap<>(Setting.class);
    String source = file.getFileName().toString();
    for (String key : properties.stringPropertyNames()) {
      Setting setting = known(key, source);
      values.put(setting, new SettingValue(setting, properties.getProperty(key), source));
    }
    return values;
  }

  private static Setting known(String key, String source) throws InvalidSettingException {
    for (Setting setting : Setting.values()) {
      if (setting.name().equals(key) && setting != Setting.BOT_CONFIG) {
        return setting;
      }
    }
    throw new InvalidSettingException(
        source
            + ": unknown setting '"
            + key
            + "'; known settings: "
            + Arrays.stream(Setting.values())
                .filter(setting -> setting != Setting.BOT_CONFIG)
                .map(Setting::name)
                .collect(Collectors.joining(", ")));
  }
}
