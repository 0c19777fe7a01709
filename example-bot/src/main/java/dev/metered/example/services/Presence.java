package dev.metered.example.services;

/**
 * Where the bot shows its status line: Discord's "Playing ..." under the bot's name when connected,
 * the simulation's progress line otherwise.
 */
@FunctionalInterface
public interface Presence {

  /**
   * Shows a status.
   *
   * @param status one short line
   */
  void show(String status);
}
