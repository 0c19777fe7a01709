package dev.metered.example.cogs;

import dev.metered.example.commands.CommandRegistrar;

/**
 * A module of commands, loaded, unloaded and reloaded at run time by the {@link CogLoader}, as
 * discord.py loads extensions.
 */
public interface Cog {

  /**
   * Prepares the cog and registers its commands. Throwing fails the load; the loader removes
   * whatever the cog registered before it threw.
   *
   * @param registrar where to register commands
   * @throws Exception when the cog cannot work, for example for lack of configuration
   */
  void load(CommandRegistrar registrar) throws Exception;

  /**
   * Releases what the cog holds. Its commands are unregistered by the loader.
   *
   * @throws Exception when releasing failed
   */
  default void unload() throws Exception {}
}
