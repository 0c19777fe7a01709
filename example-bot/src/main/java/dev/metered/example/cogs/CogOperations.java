package dev.metered.example.cogs;

import dev.metered.annotations.Attr;
import dev.metered.annotations.Metered;
import dev.metered.example.commands.CommandRegistry;
import dev.metered.example.metrics.CogMetrics;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the {@link CogLoader} does to a cog: load, reload and unload, each a {@code @Metered}
 * handler of the {@code cog} family. The loader creates this class as its generated wrapper, {@code
 * CogOperations_Metered}, so every operation is timed and recorded as one {@code cog} event: the
 * cog from the {@code @Attr("cog")} parameter, the operation from the annotation, success or
 * failure (with the exception's type) from the outcome, and the duration from the elapsed time.
 *
 * <p>Each operation throws when it fails, so that the wrapper sees the failure; the loader decides
 * what a failure means for the bot (a cog that fails to load is left out, the bot runs on). The
 * operations live here rather than on each cog, so that a cog that cannot even be constructed is
 * recorded as a failed load too, and a reload is one event.
 *
 * <p>The operations do not call one another: the wrapper also records calls a class makes to its
 * own {@code @Metered} methods, so a reload that called {@link #load} would record a load as well.
 * Not thread-safe; the loader serialises the calls.
 */
class CogOperations {
  private final CommandRegistry registry;

  /**
   * @param registry where cogs register their commands
   */
  CogOperations(CommandRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Creates a cog and loads it.
   *
   * @param name the cog
   * @param factory makes the instance
   * @return the loaded instance
   * @throws Exception when the instance cannot be made or refuses to load; whatever it registered
   *     before it failed is unregistered
   */
  @Metered(family = "cog", attributes = "operation=load")
  Cog load(@Attr("cog") CogMetrics.Cog name, Supplier<? extends Cog> factory) throws Exception {
    return instantiate(name, factory);
  }

  /**
   * Replaces a cog with a fresh instance: unregisters its commands, unloads the old instance if
   * there is one, then creates and loads a new one.
   *
   * @param name the cog
   * @param old the instance loaded now, or {@code null} when the cog is not loaded (it had failed
   *     to load)
   * @param factory makes the new instance
   * @return the new, loaded instance
   * @throws Exception when the old instance failed to unload, or the new one to load
   */
  @Metered(family = "cog", attributes = "operation=reload")
  Cog reload(@Attr("cog") CogMetrics.Cog name, Cog old, Supplier<? extends Cog> factory)
      throws Exception {
    registry.unregisterAll(name);
    if (old != null) {
      old.unload();
    }
    return instantiate(name, factory);
  }

  /**
   * Unregisters a cog's commands, then lets it release what it holds.
   *
   * @param name the cog
   * @param cog the loaded instance
   * @throws Exception when releasing failed; its commands are gone either way
   */
  @Metered(family = "cog", attributes = "operation=unload")
  void unload(@Attr("cog") CogMetrics.Cog name, Cog cog) throws Exception {
    registry.unregisterAll(name);
    cog.unload();
  }

  private Cog instantiate(CogMetrics.Cog name, Supplier<? extends Cog> factory) throws Exception {
    Cog cog = factory.get();
    try {
      cog.load(registry.registrarFor(name));
    } catch (Exception failure) {
      // Half a cog is worse than none: drop what it registered before it failed.
      registry.unregisterAll(name);
      throw failure;
    }
    return cog;
  }
}
