package dev.metered.example.commands;

/** What a cog registers its commands with while it loads. */
@FunctionalInterface
public interface CommandRegistrar {

  /**
   * Registers a command.
   *
   * @param spec the command, how users invoke it, its description and options; its command constant
   *     exists because a {@code @Metered} handler declares it
   * @param handler what runs it
   * @throws IllegalStateException when another cog registered the command already
   */
  void register(CommandSpec spec, CommandHandler handler);
}
