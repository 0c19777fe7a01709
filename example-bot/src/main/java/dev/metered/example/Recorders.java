package dev.metered.example;

import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.runtime.MetricSink;
import java.util.Objects;

/**
 * The generated recorders the bot's parts that are not handlers are given: the database executor,
 * the HTTP clients and the caches record through them. Passed in rather than reached through {@code
 * XMetrics.global()} inside each class, so a test can hand a part recorders that write to a {@code
 * RecordingSink}.
 *
 * <p>The other three families, {@code command}, {@code cog} and {@code task}, are recorded by the
 * generated wrappers of the bot's {@code @Metered} handlers (cogs, {@code CogOperations}, tasks),
 * which use the recorders' global sink: to see them in a test, install a sink with {@code
 * MeteredRuntime.setGlobalSink}.
 *
 * @param database database operations
 * @param api external API calls
 * @param cache cache operations
 */
public record Recorders(DatabaseMetrics database, ApiMetrics api, CacheMetrics cache) {

  /** Checks every recorder is there. */
  public Recorders {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(cache, "cache");
  }

  /**
   * The recorders that write to the global sink: Sentry, or whatever {@code
   * MeteredRuntime.setGlobalSink} installed; where the handlers' wrappers write too.
   *
   * @return the global recorders
   */
  public static Recorders global() {
    return new Recorders(DatabaseMetrics.global(), ApiMetrics.global(), CacheMetrics.global());
  }

  /**
   * Recorders that write to {@code sink}.
   *
   * @param sink where the database, API and cache data points go
   * @return the recorders
   */
  public static Recorders to(MetricSink sink) {
    return new Recorders(new DatabaseMetrics(sink), new ApiMetrics(sink), new CacheMetrics(sink));
  }
}
