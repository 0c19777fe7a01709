package dev.metered.example.services;

import dev.metered.example.api.TldrClient;
import dev.metered.example.cache.MeteredCache;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * tldr pages through the tldr cache: a cache, a remote service and their metrics together. Pages
 * change rarely and the service rate-limits, so a page is fetched once and then served from the
 * cache.
 */
public final class TldrService {
  private final MeteredCache<String, String> cache;
  private final TldrClient client;

  /**
   * @param cache the tldr cache, keyed by {@code platform/name}
   * @param client the tldr-pages client
   */
  public TldrService(MeteredCache<String, String> cache, TldrClient client) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * One page.
   *
   * @param platform for example {@code common}
   * @param name for example {@code tar}
   * @return the page, or empty when tldr has none; missing pages are not cached
   * @throws dev.metered.example.api.ApiException when the service failed
   */
  public Optional<String> page(String platform, String name) {
    String key = platform + "/" + name;
    Optional<String> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached;
    }
    Optional<String> fetched = client.fetchPage(platform, name);
    fetched.ifPresent(page -> cache.put(key, page));
    return fetched;
  }

  /**
   * Fetches pages into the cache ahead of demand.
   *
   * @param names common pages to load
   * @throws dev.metered.example.api.ApiException at the first page the service failed to serve
   */
  public void warmUp(List<String> names) {
    for (String name : names) {
      page("common", name);
    }
  }
}
