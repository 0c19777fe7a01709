package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandContext;
import dev.metered.example.commands.CommandFailedException;
import dev.metered.example.commands.CommandRegistrar;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.OptionSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.example.metrics.CommandMetrics.CommandType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The owners' commands: {@code reload <cog>}, which replaces a cog with a fresh instance, as after
 * deploying a fix to it. Only the users in {@code BOT_OWNER_IDS} may run it: reloading is cheap to
 * ask for and disrupts every user of the cog.
 */
public class AdminCog implements Cog {
  private static final String USAGE = "reload <cog>";
  private static final List<String> COG_NAMES =
      Arrays.stream(CogMetrics.Cog.values()).map(CogMetrics.Cog::wireValue).toList();

  private final Set<Long> owners;
  private final Predicate<CogMetrics.Cog> reloader;

  /**
   * @param owners the users who may reload cogs
   * @param reloader reloads a cog and tells whether it loaded again; the {@link CogLoader}'s {@code
   *     reload}, which records the cog operation
   */
  public AdminCog(Set<Long> owners, Predicate<CogMetrics.Cog> reloader) {
    this.owners = Set.copyOf(owners);
    this.reloader = Objects.requireNonNull(reloader, "reloader");
  }

  @Override
  public void load(CommandRegistrar registrar) {
    registrar.register(
        CommandSpec.of(
            Command.RELOAD,
            Registration.HYBRID,
            "Reloads a cog (owners only).",
            new OptionSpec("cog", "The cog to reload.", true, COG_NAMES)),
        this::reload);
  }

  /**
   * Reloads a cog.
   *
   * @param context the invocation; its first argument names the cog
   * @param type how it was invoked, recorded as its {@code command_type}
   * @return a confirmation
   * @throws NotOwnerException when the user is not an owner
   * @throws IllegalArgumentException when no cog has that name
   * @throws CommandFailedException when the cog failed to load again; it stays unloaded
   */
  @Metered(family = "command", attributes = "command=reload")
  public String reload(CommandContext context, @Attr("command_type") CommandType type) {
    if (!owners.contains(context.userId())) {
      throw new NotOwnerException("reload cogs");
    }
    String name = context.requireArg(0, USAGE).toLowerCase(Locale.ROOT);
    CogMetrics.Cog cog =
        CogMetrics.Cog.fromWireValue(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no cog named '" + name + "'; cogs: " + String.join(", ", COG_NAMES)));
    if (!reloader.test(cog)) {
      throw new CommandFailedException("The " + name + " cog failed to load; it stays unloaded.");
    }
    return "Reloaded the " + name + " cog.";
  }
}
