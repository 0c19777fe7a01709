package dev.metered.example.cli;

import dev.metered.example.config.Setting;

/** What {@code --help} prints: how to run the bot, and every setting with its default. */
final class HelpText {
  private HelpText() {}

  static String render() {
    StringBuilder help = new StringBuilder();
    help.append("Usage: java -jar metered-example-bot.jar [--help]\n\n")
        .append("Runs the Metered example bot: connected to Discord when DISCORD_TOKEN is set,\n")
        .append("else an offline simulation; prints a table of the metrics it recorded.\n\n")
        .append("Settings come from environment variables, else from the properties file\n")
        .append("(BOT_CONFIG), else their defaults:\n\n");
    for (Setting setting : Setting.values()) {
      help.append("  ")
          .append(setting.name())
          .append(
              setting.defaultValue().isEmpty() ? "" : " (default " + setting.defaultValue() + ")")
          .append("\n      ")
          .append(setting.description().replace("`", ""))
          .append('\n');
    }
    help.append(
        "\nExit codes: 0 done, 1 failed to start or run, 2 bad setting or argument,"
            + " 130 stopped by Ctrl-C.\n");
    return help.toString();
  }
}
