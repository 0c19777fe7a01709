package dev.metered.example.tasks;

/**
 * What one run of a task does. Throwing marks the run failed; the task itself goes on.
 *
 * <p>The bot's tasks ({@link CleanupTask}, {@link CacheWarmupTask}, {@link ReminderDispatchTask})
 * implement {@link #run} as a {@code @Metered} handler of the {@code task} family and are created
 * as their generated {@code _Metered} wrappers, which time and record every run.
 */
@FunctionalInterface
public interface TaskBody {

  /**
   * Runs the task once.
   *
   * @throws Exception when this run failed
   */
  void run() throws Exception;
}
