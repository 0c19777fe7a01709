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
 * gauge). Whether the operation's duration is recorded too is the caller's choice: it is worth it
 * for a cache in front of something slow, while for a hot, in-memory lookup the time taken is
 * mostly the clock's own cost, and the seed advises against metrics on every trivial operation.
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
  private final boolean timed;
  private final CacheMetrics metrics;

  private MeteredCache(
      CacheMetrics.Cache name, Cache<K, V> cache, boolean timed, CacheMetrics metrics) {
    this.name = name;
    this.cache = cache;
    this.timed = timed;
    this.metrics = metrics;
  }

  /**
   * A cache holding at most {@code maximumSize} entries, evicting by Caffeine's size policy.
   *
   * @param name which cache this is, for the metrics
   * @param maximumSize the bound
   * @param timed whether to record each operation's duration
   * @param metrics the recorder of {@code cache} events
   * @param <K> the key type
   * @param <V> the value type
   * @return the cache
   */
  public static <K, V> MeteredCache<K, V> bounded(
      CacheMetrics.Cache name, long maximumSize, boolean timed, CacheMetrics metrics) {
    Cache<K, V> cache =
        Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    return new MeteredCache<>(
        Objects.requireNonNull(name, "name"),
        cache,
        timed,
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
    CacheMetrics.Event event =
        metrics.event(name, Operation.GET).lookup(value != null ? Lookup.HIT : Lookup.MISS);
    if (timed) {
      event.duration(millis);
    }
    event.record();
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
    CacheMetrics.Event event = metrics.event(name, Operation.SET).size(cache.estimatedSize());
    if (timed) {
      event.duration(millis);
    }
    event.record();
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
