/**
 * Background, scheduled and periodic tasks on a {@link
 * java.util.concurrent.ScheduledExecutorService}, run by {@link
 * dev.metered.example.tasks.TaskRunner}, and the generic cleanup task. Each task's run method is
 * a {@code @Metered} handler of the {@code task} family; its generated wrapper records every run.
 * Tasks that belong to a service (cache warm-up, reminder dispatch) live in {@code services},
 * which uses this package, never the other way round.
 */
package dev.metered.example.tasks;
