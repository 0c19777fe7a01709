package dev.metered.example.tasks;

/** What one run of a task does. Throwing marks the run failed; the task itself goes on. */
@FunctionalInterface
public interface TaskBody {

  /**
   * Runs the task once.
   *
   * @throws Exception when this run failed
   */
  void run() throws Exception;
}
