package dev.metered.example.cogs;

import dev.metered.example.commands.CommandRegistry;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CogMetrics.Operation;
import dev.metered.example.support.Elapsed;
import dev.metered.example.support.ErrorTypes;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads, reloads and unloads cogs, and records one {@code cog} event per operation.
 *
 * <p>A cog that fails to load is recorded (with its error type) and left out; the bot runs on
 * without it, as Tux's cog setup does. Loads and reloads are timed, since they do real work
 * (constructing the cog, checking its configuration); an unload only drops registrations, so it is
 * counted without a duration.
 *
 * <p>Operations are serialised: a reload must not interleave with another load of the same cog.
 */
public final class CogLoader {
  private final CommandRegistry registry;
  private final CogMetrics metrics;
  private final Map<CogMetrics.Cog, CogDefinition> known = new EnumMap<>(CogMetrics.Cog.class);
  private final Map<CogMetrics.Cog, Cog> loaded = new EnumMap<>(CogMetrics.Cog.class);

  /**
   * @param registry where cogs register their commands
   * @param metrics the recorder of {@code cog} events
   */
  public CogLoader(CommandRegistry registry, CogMetrics metrics) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Loads each cog in order; a failure skips that cog only.
   *
   * @param definitions the cogs
   * @return the cogs that failed to load
   */
  public synchronized Set<CogMetrics.Cog> loadAll(List<CogDefinition> definitions) {
    Set<CogMetrics.Cog> failed = EnumSet.noneOf(CogMetrics.Cog.class);
    for (CogDefinition definition : definitions) {
      if (!load(definition)) {
        failed.add(definition.name());
      }
    }
    return failed;
  }

  /**
   * Loads one cog.
   *
   * @param definition the cog
   * @return whether it loaded
   * @throws IllegalStateException when it is loaded already
   */
  public synchronized boolean load(CogDefinition definition) {
    if (loaded.containsKey(definition.name())) {
      throw new IllegalStateException(
          "cog " + definition.name().wireValue() + " is loaded already");
    }
    known.put(definition.name(), definition);
    return timed(definition.name(), Operation.LOAD, () -> instantiate(definition));
  }

  /**
   * Replaces a cog with a fresh instance: unloads it when it is loaded, then loads it again. A cog
   * that had failed to load gets another chance this way.
   *
   * @param name the cog
   * @return whether the new instance loaded
   * @throws IllegalArgumentException when the cog was never defined
   */
  public synchronized boolean reload(CogMetrics.Cog name) {
    CogDefinition definition = known.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("unknown cog: " + name.wireValue());
    }
    return timed(
        name,
        Operation.RELOAD,
        () -> {
          Cog old = loaded.remove(name);
          registry.unregisterAll(name);
          if (old != null) {
            old.unload();
          }
          instantiate(definition);
        });
  }

  /**
   * Unloads one cog.
   *
   * @param name the cog
   * @return whether it unloaded cleanly; its commands are gone either way
   */
  public synchronized boolean unload(CogMetrics.Cog name) {
    Cog cog = loaded.remove(name);
    if (cog == null) {
      return false;
    }
    registry.unregisterAll(name);
    try {
      cog.unload();
      metrics.record(name, Operation.UNLOAD, true);
      return true;
    } catch (Exception failure) {
      metrics.event(name, Operation.UNLOAD, false).errorType(ErrorTypes.of(failure)).record();
      return false;
    }
  }

  /** Unloads every loaded cog, as on shutdown. */
  public synchronized void unloadAll() {
    for (CogMetrics.Cog name : List.copyOf(loaded.keySet())) {
      unload(name);
    }
  }

  /**
   * The cogs loaded now.
   *
   * @return a snapshot
   */
  public synchronized Set<CogMetrics.Cog> loaded() {
    return loaded.isEmpty()
        ? Collections.emptySet()
        : Collections.unmodifiableSet(EnumSet.copyOf(loaded.keySet()));
  }

  private void instantiate(CogDefinition definition) throws Exception {
    Cog cog = definition.factory().get();
    try {
      cog.load(registry.registrarFor(definition.name()));
    } catch (Exception failure) {
      // Half a cog is worse than none: drop what it registered before it failed.
      registry.unregisterAll(definition.name());
      throw failure;
    }
    loaded.put(definition.name(), cog);
  }

  private boolean timed(CogMetrics.Cog name, Operation operation, Step step) {
    long start = System.nanoTime();
    try {
      step.run();
      metrics.event(name, operation, true).duration(Elapsed.millisSince(start)).record();
      return true;
    } catch (Exception failure) {
      metrics
          .event(name, operation, false)
          .duration(Elapsed.millisSince(start))
          .errorType(ErrorTypes.of(failure))
          .record();
      return false;
    }
  }

  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }
}
