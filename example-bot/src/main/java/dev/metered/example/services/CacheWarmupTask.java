package dev.metered.example.services;

import dev.metered.annotations.Metered;
import dev.metered.example.tasks.TaskBody;
import java.util.List;
import java.util.Objects;

/**
 * The startup cache warmup, run once in the background: fetches common tldr pages into the cache
 * before users ask for them. Create it as its generated wrapper, {@code new
 * CacheWarmupTask_Metered(pages, names)}, which records the run.
 */
public class CacheWarmupTask implements TaskBody {
  private final TldrService pages;
  private final List<String> names;

  /**
   * @param pages tldr pages through their cache
   * @param names the common pages to load
   */
  public CacheWarmupTask(TldrService pages, List<String> names) {
    this.pages = Objects.requireNonNull(pages, "pages");
    this.names = List.copyOf(names);
  }

  /**
   * Loads the pages.
   *
   * @throws dev.metered.example.api.ApiException at the first page the service failed to serve
   */
  @Override
  @Metered(family = "task", attributes = {"task=cache_warmup", "task_type=background"})
  public void run() {
    pages.warmUp(names);
  }
}
