package dev.metered.example.cogs;

import dev.metered.example.commands.CommandRegistry;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.runtime.ErrorTypes;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Loads, reloads and unloads cogs, and keeps track of which are loaded.
 *
 * <p>Each operation is a {@code @Metered} method of {@link CogOperations}, which this loader
 * creates as its generated wrapper: the wrapper times the operation and records one {@code cog}
 * event (with the error type when it failed), then returns or rethrows. A cog that fails to load is
 * recorded by the wrapper, and the loader leaves it out: the bot runs on without it, as Tux's cog
 * setup does.
 *
 * <p>Operations are serialised: a reload must not interleave with another load of the same cog.
 */
public final class CogLoader {
  private final CogOperations operations;
  private final Map<CogMetrics.Cog, CogDefinition> known = new EnumMap<>(CogMetrics.Cog.class);
  private final Map<CogMetrics.Cog, Cog> loaded = new EnumMap<>(CogMetrics.Cog.class);

  /**
   * @param registry where cogs register their commands
   */
  public CogLoader(CommandRegistry registry) {
    this.operations = new CogOperations_Metered(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Loads each cog in order; a failure skips that cog only.
   *
   * @param definitions the cogs
   * @return the cogs that failed to load, in order, each with why: its failure's message (for
   *     example {@code WOLFRAM_APP_ID is not set}), or its error type when it has none
   */
  public synchronized Map<CogMetrics.Cog, String> loadAll(List<CogDefinition> definitions) {
    Map<CogMetrics.Cog, String> failed = new EnumMap<>(CogMetrics.Cog.class);
    for (CogDefinition definition : definitions) {
      tryLoad(definition).ifPresent(failure -> failed.put(definition.name(), reason(failure)));
    }
    return Collections.unmodifiableMap(failed);
  }

  /**
   * Loads one cog.
   *
   * @param definition the cog
   * @return whether it loaded; a failure was recorded
   * @throws IllegalStateException when it is loaded already
   */
  public synchronized boolean load(CogDefinition definition) {
    return tryLoad(definition).isEmpty();
  }

  private Optional<Exception> tryLoad(CogDefinition definition) {
    CogMetrics.Cog name = definition.name();
    if (loaded.containsKey(name)) {
      throw new IllegalStateException("cog " + name.wireValue() + " is loaded already");
    }
    known.put(name, definition);
    try {
      loaded.put(name, operations.load(name, definition.factory()));
      return Optional.empty();
    } catch (Exception failure) {
      return Optional.of(failure);
    }
  }

  private static String reason(Exception failure) {
    return failure.getMessage() == null ? ErrorTypes.of(failure) : failure.getMessage();
  }

  /**
   * Replaces a cog with a fresh instance: unloads it when it is loaded, then loads it again. A cog
   * that had failed to load gets another chance this way.
   *
   * @param name the cog
   * @return whether the new instance loaded; a failure was recorded
   * @throws IllegalArgumentException when the cog was never defined
   */
  public synchronized boolean reload(CogMetrics.Cog name) {
    CogDefinition definition = known.get(name);
    if (definition == null) {
      throw new IllegalArgumentException("unknown cog: " + name.wireValue());
    }
    Cog old = loaded.remove(name);
    try {
      loaded.put(name, operations.reload(name, old, definition.factory()));
      return true;
    } catch (Exception failure) {
      return false;
    }
  }

  /**
   * Unloads one cog.
   *
   * @param name the cog
   * @return whether it unloaded cleanly; its commands are gone either way, and a failure was
   *     recorded
   */
  public synchronized boolean unload(CogMetrics.Cog name) {
    Cog cog = loaded.remove(name);
    if (cog == null) {
      return false;
    }
    try {
      operations.unload(name, cog);
      return true;
    } catch (Exception failure) {
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
}
