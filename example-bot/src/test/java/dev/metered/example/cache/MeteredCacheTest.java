package dev.metered.example.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.example.metrics.CacheMetrics;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteredCacheTest {
  private final RecordingSink sink = new RecordingSink();

  @Test
  void recordsMissesHitsAndTheSizeAfterEachWrite() {
    MeteredCache<String, String> cache =
        MeteredCache.bounded(CacheMetrics.Cache.TLDR, 10, new CacheMetrics(sink));

    assertThat(cache.get("common/tar")).isEmpty();
    cache.put("common/tar", "# tar");
    cache.put("common/git", "# git");
    assertThat(cache.get("common/tar")).contains("# tar");

    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(
            CacheMetrics.MISSES,
            CacheMetrics.OPERATION_DURATION,
            CacheMetrics.OPERATION_DURATION,
            CacheMetrics.SIZE,
            CacheMetrics.OPERATION_DURATION,
            CacheMetrics.SIZE,
            CacheMetrics.HITS,
            CacheMetrics.OPERATION_DURATION);
    assertThat(sink.recorded(CacheMetrics.SIZE))
        .extracting(RecordedMetric::value)
        .containsExactly(1.0, 2.0);
    assertThat(sink.recorded(CacheMetrics.SIZE).get(0).attributeMap())
        .isEqualTo(Map.of("cache", "tldr"));
    assertThat(sink.recorded(CacheMetrics.HITS).get(0).attributeMap())
        .isEqualTo(Map.of("cache", "tldr", "operation", "get"));
    assertThat(sink.recorded(CacheMetrics.OPERATION_DURATION).get(1).attributeMap())
        .isEqualTo(Map.of("cache", "tldr", "operation", "set"));
  }

  @Test
  void everyCacheRecordsTheDurationOfEachOperation() {
    MeteredCache<Long, String> cache =
        MeteredCache.bounded(CacheMetrics.Cache.PREFIX, 10, new CacheMetrics(sink));

    cache.get(1L);
    cache.put(1L, "!");
    cache.get(1L);

    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(
            CacheMetrics.MISSES,
            CacheMetrics.OPERATION_DURATION,
            CacheMetrics.OPERATION_DURATION,
            CacheMetrics.SIZE,
            CacheMetrics.HITS,
            CacheMetrics.OPERATION_DURATION);
  }

  @Test
  void theSizeStaysWithinTheBound() {
    MeteredCache<Integer, Integer> cache =
        MeteredCache.bounded(CacheMetrics.Cache.PREFIX, 3, new CacheMetrics(sink));

    for (int i = 0; i < 10; i++) {
      cache.put(i, i);
    }

    assertThat(cache.size()).isLessThanOrEqualTo(3);
    assertThat(sink.recorded(CacheMetrics.SIZE))
        .extracting(RecordedMetric::value)
        .allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(3.0));
  }
}
