package dev.metered.example;

import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CommandMetrics;
import dev.metered.example.metrics.DatabaseMetrics;
import dev.metered.example.metrics.TaskMetrics;
import dev.metered.runtime.MetricSink;
import java.util.Objects;

/**
 * The six generated recorders the bot's parts are given, one per metric family. Passed in rather
 * than reached through {@code XMetrics.global()} inside each class, so a test can hand a part
 * recorders that write to a {@code RecordingSink}.
 *
 * @param command command invocations
 * @param database database operations
 * @param api external API calls
 * @param cog cog loads, reloads and unloads
 * @param cache cache operations
 * @param task task runs
 */
public record Recorders(
    CommandMetrics command,
    DatabaseMetrics database,
    ApiMetrics api,
    CogMetrics cog,
    CacheMetrics cache,
    TaskMetrics task) {

  /** Checks every recorder is there. */
  public Recorders {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(cog, "cog");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(task, "task");
  }

  /**
   * The recorders that write to the global sink: Sentry, or whatever {@code
   * MeteredRuntime.setGlobalSink} installed.
   *
   * @return the global recorders
   */
  public static Recorders global() {
    return new Recorders(
        CommandMetrics.global(),
        DatabaseMetrics.global(),
        ApiMetrics.global(),
        CogMetrics.global(),
        CacheMetrics.global(),
        TaskMetrics.global());
  }

  /**
   * Recorders that write to {@code sink}.
   *
   * @param sink where every data point goes
   * @return the recorders
   */
  public static Recorders to(MetricSink sink) {
    return new Recorders(
        new CommandMetrics(sink),
        new DatabaseMetrics(sink),
        new ApiMetrics(sink),
        new CogMetrics(sink),
        new CacheMetrics(sink),
        new TaskMetrics(sink));
  }
}
