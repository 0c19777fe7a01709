/**
 * Background, scheduled and periodic tasks on a {@link
 * java.util.concurrent.ScheduledExecutorService}, run by {@link
 * dev.metered.example.tasks.TaskRunner}. Each task's run method is a {@code @Metered} handler of
 * the {@code task} family; its generated wrapper records every run.
 */
package dev.metered.example.tasks;
