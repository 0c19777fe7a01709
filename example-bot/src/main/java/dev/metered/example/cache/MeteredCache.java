package dev.metered.example.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.metered.example.metrics.CacheMetrics;
import dev.metered.example.metrics.CacheMetrics.Lookup;
import dev.metered.example.metrics.CacheMetrics.Operation;
import dev.metered.example.support.Elapsed;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded Caffeine cache that records one {@code cache} event per lookup and per write.
 *
 * <p>A lookup records a hit or a miss; a write records the cache's entry count afterwards (the size
 * gauge). Every operation records its duration too, so every cache has its duration rows: for a
 * hot in-memory lookup the figure is mostly the clock's own cost, which is worth seeing next to the
 * lookups that wait on something slow.
 *
 * <p>Caffeine runs its maintenance on the calling thread here ({@code executor(Runnable::run)}), so
 * eviction happens at a predictable point and the size read after a write is up to date.
 * Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class MeteredCache<K, V> {
  private final CacheMetrics.Cache name;
  private final Cache<K, V> cache;
  private final CacheMetrics metrics;

  private MeteredCache(CacheMetrics.Cache name, Cache<K, V> cache, CacheMetrics metrics) {
    this.name = name;
    this.cache = cache;
    this.metrics = metrics;
  }

  /**
   * A cache holding at most {@code maximumSize} entries, evicting by Caffeine's size policy.
   *
   * @param name which cache this is, for the metrics
   * @param maximumSize the bound
   * @param metrics the recorder of {@code cache} events
   * @param <K> the key type
   * @param <V> the value type
   * @return the cache
   */
  public static <K, V> MeteredCache<K, V> bounded(
      CacheMetrics.Cache name, long maximumSize, CacheMetrics metrics) {
    Cache<K, V> cache =
        Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    return new MeteredCache<>(
        Objects.requireNonNull(name, "name"),
        cache,
        Objects.requireNonNull(metrics, "metrics"));
  }

  /**
   * Looks {@code key} up.
   *
   * @param key the key
   * @return the cached value, or empty on a miss
   */
  public Optional<V> get(K key) {
    long start = System.nanoTime();
    V value = cache.getIfPresent(key);
    double millis = Elapsed.millisSince(start);
    metrics
        .event(name, Operation.GET)
        .lookup(value != null ? Lookup.HIT : Lookup.MISS)
        .duration(millis)
        .record();
    return Optional.ofNullable(value);
  }

  /**
   * Stores {@code value} under {@code key}, replacing any earlier value.
   *
   * @param key the key
   * @param value the value
   */
  public void put(K key, V value) {
    long start = System.nanoTime();
    cache.put(key, value);
    double millis = Elapsed.millisSince(start);
    metrics.event(name, Operation.SET).size(cache.estimatedSize()).duration(millis).record();
  }

  /**
   * How many entries the cache holds.
   *
   * @return the entry count
   */
  public long size() {
    return cache.estimatedSize();
  }
}
