/**
 * Background, scheduled and periodic tasks on a {@link
 * java.util.concurrent.ScheduledExecutorService}, each run recorded by {@link
 * dev.metered.example.tasks.TaskRunner}.
 */
package dev.metered.example.tasks;
