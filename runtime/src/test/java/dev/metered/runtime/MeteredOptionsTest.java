package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every option is checked when it is set: a bad value is an {@link IllegalArgumentException}
 * naming the option, the value and the range, never a sink that starts halfway later.
 */
class MeteredOptionsTest {
  private final MeteredOptions.Builder builder = MeteredOptions.builder();

  @Test
  void aFlushIntervalBelowTenMillisecondsIsRefusedNamingTheRange() {
    // 0.5 ms used to become a period of 0 ms, and the sink started without its thread and hook.
    assertThatThrownBy(() -> builder.flushInterval(Duration.ofNanos(500_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.flushInterval must be between 10 ms and 24 h, not PT0.0005S");
  }

  @Test
  void flushIntervalsOutsideTheRangeAreRefusedAndItsEndsAccepted() {
    assertRefused(() -> builder.flushInterval(Duration.ZERO), "flushInterval", "PT0S");
    assertRefused(() -> builder.flushInterval(Duration.ofSeconds(-1)), "flushInterval", "PT-1S");
    assertRefused(() -> builder.flushInterval(Duration.ofHours(24).plusNanos(1)), "flushInterval",
        "PT24H0.000000001S");
    assertRefused(() -> builder.flushInterval(null), "flushInterval", "null");
    assertThat(builder.flushInterval(Duration.ofMillis(10)).build().flushInterval())
        .isEqualTo(Duration.ofMillis(10));
    assertThat(builder.flushInterval(Duration.ofHours(24)).build().flushInterval())
        .isEqualTo(Duration.ofHours(24));
  }

  @Test
  void timeoutsMustBeBetweenAMillisecondAndAnHour() {
    assertRefused(() -> builder.flushTimeout(Duration.ZERO), "flushTimeout", "PT0S");
    assertRefused(() -> builder.flushTimeout(Duration.ofNanos(999_999)), "flushTimeout", "PT0.000999999S");
    assertRefused(() -> builder.flushTimeout(Duration.ofHours(2)), "flushTimeout", "PT2H");
    assertRefused(() -> builder.flushTimeout(null), "flushTimeout", "null");
    assertRefused(() -> builder.closeTimeout(Duration.ofMillis(-5)), "closeTimeout", "PT-0.005S");
    assertRefused(() -> builder.closeTimeout(Duration.ofDays(365_000_000)), "closeTimeout",
        "PT8760000000H");
    assertRefused(() -> builder.closeTimeout(null), "closeTimeout", "null");
    MeteredOptions options = builder.flushTimeout(Duration.ofMillis(1))
        .closeTimeout(Duration.ofHours(1)).build();
    assertThat(options.flushTimeout()).isEqualTo(Duration.ofMillis(1));
    assertThat(options.closeTimeout()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theCloseTimeoutIsFiveSecondsByDefault() {
    assertThat(MeteredOptions.defaults().closeTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(MeteredOptions.defaults().flushTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void budgetsMustBeAtLeastOne(int perSecond) {
    assertThatThrownBy(() -> builder.eventsPerSecond(perSecond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.eventsPerSecond must be at least 1, not " + perSecond);
    assertThatThrownBy(() -> builder.sampledPerSecond(perSecond))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.sampledPerSecond must be at least 1, not " + perSecond);
    assertThat(builder.eventsPerSecond(1).sampledPerSecond(1).build().eventsPerSecond()).isEqualTo(1);
  }

  @Test
  void nullExporterAndModesAndBlankNamesAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> builder.exporter(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.exporter must be a MetricSink, not null");
    assertThatThrownBy(() -> builder.deliveryForAll(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.deliveryForAll must be one of [EVENT, AGGREGATE, AUTO], not null");
    assertThatThrownBy(() -> builder.delivery("bot.command.usage", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.delivery(\"bot.command.usage\", mode) must be one of"
            + " [EVENT, AGGREGATE, AUTO], not null");
    assertThatThrownBy(() -> builder.delivery(null, DeliveryMode.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.delivery needs the name of a metric or family, not null");
    assertThatThrownBy(() -> builder.delivery(" ", DeliveryMode.EVENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MeteredOptions.delivery needs the name of a metric or family, not ' '");
  }

  @Test
  void aRefusedValueLeavesTheBuilderAsItWas() {
    builder.flushInterval(Duration.ofSeconds(30));
    assertThatCode(() -> builder.flushInterval(Duration.ofNanos(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(builder.build().flushInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  private static void assertRefused(Runnable setting, String option, String value) {
    assertThatThrownBy(setting::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("MeteredOptions." + option + " must be ")
        .hasMessageContaining(" between ")
        .hasMessageEndingWith(", not " + value);
  }
}
