package dev.metered.example.cogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.metered.example.commands.CommandRegistry;
import dev.metered.example.commands.CommandSpec;
import dev.metered.example.commands.Registration;
import dev.metered.example.metrics.CogMetrics;
import dev.metered.example.metrics.CogMetrics.Cog;
import dev.metered.example.metrics.CommandMetrics.Command;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The loader's bookkeeping, and the {@code cog} events the generated wrapper of its {@link
 * CogOperations} records to the global sink.
 */
class CogLoaderTest {
  private final RecordingSink sink = new RecordingSink();
  private final CommandRegistry registry = new CommandRegistry();
  private final CogLoader loader = new CogLoader(registry);

  @BeforeEach
  void recordToTheSink() {
    MeteredRuntime.setGlobalSink(sink);
  }

  @AfterEach
  void resetTheGlobalSink() {
    MeteredRuntime.resetGlobalSink();
  }

  @Test
  void recordsAFailedLoadAndLoadsTheOtherCogs() {
    var failed =
        loader.loadAll(
            List.of(
                new CogDefinition(Cog.WOLFRAM, () -> new WolframCog_Metered(Optional.empty())),
                new CogDefinition(Cog.UTILITY, UtilityCog_Metered::new)));

    assertThat(failed).containsExactly(java.util.Map.entry(Cog.WOLFRAM, "WOLFRAM_APP_ID is not set"));
    assertThat(loader.loaded()).containsExactly(Cog.UTILITY);
    assertThat(registry.find(Command.PING)).isPresent();
    assertThat(registry.find(Command.WOLFRAM)).isEmpty();

    assertThat(sink.recorded(CogMetrics.FAILURES))
        .singleElement()
        .extracting(RecordedMetric::attributeMap)
        .isEqualTo(
            java.util.Map.of(
                "cog", "wolfram",
                "operation", "load",
                "success", false,
                "error_type", "MissingConfigurationException"));
    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT)).hasSize(2);
    // Loads do real work, so both are timed, the failed one included.
    assertThat(sink.recorded(CogMetrics.OPERATION_DURATION)).hasSize(2);
  }

  @Test
  void dropsWhatAFailingCogRegisteredBeforeItFailed() {
    dev.metered.example.cogs.Cog halfBroken =
        registrar -> {
          registrar.register(
              CommandSpec.of(Command.STATS, Registration.PREFIX, "Stats."), (ctx, type) -> "stats");
          throw new IllegalStateException("broken after registering");
        };

    assertThat(loader.load(new CogDefinition(Cog.STATS, () -> halfBroken))).isFalse();

    assertThat(registry.find(Command.STATS)).isEmpty();
    assertThat(loader.loaded()).isEmpty();
    assertThat(sink.recorded(CogMetrics.FAILURES))
        .singleElement()
        .satisfies(
            load ->
                assertThat(load.attributeMap())
                    .containsEntry("cog", "stats")
                    .containsEntry("error_type", "IllegalStateException"));
  }

  @Test
  void recordsALoadWhoseCogCannotEvenBeConstructed() {
    assertThat(
            loader.load(
                new CogDefinition(
                    Cog.TLDR,
                    () -> {
                      throw new IllegalArgumentException("no tldr service");
                    })))
        .isFalse();

    assertThat(sink.recorded(CogMetrics.FAILURES))
        .singleElement()
        .extracting(RecordedMetric::attributeMap)
        .isEqualTo(
            java.util.Map.of(
                "cog", "tldr",
                "operation", "load",
                "success", false,
                "error_type", "IllegalArgumentException"));
  }

  @Test
  void reloadsWithAFreshInstanceAndRecordsOneTimedReload() {
    AtomicInteger instances = new AtomicInteger();
    loader.load(
        new CogDefinition(
            Cog.UTILITY,
            () -> {
              instances.incrementAndGet();
              return new UtilityCog_Metered();
            }));
    sink.clear();

    assertThat(loader.reload(Cog.UTILITY)).isTrue();

    assertThat(instances).hasValue(2);
    assertThat(registry.find(Command.PING)).isPresent();
    assertThat(sink.recorded())
        .extracting(RecordedMetric::name)
        .containsExactly(CogMetrics.OPERATION_COUNT, CogMetrics.OPERATION_DURATION);
    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT).get(0).attributeMap())
        .containsExactly(
            entry("cog", "utility"), entry("operation", "reload"), entry("success", true));
  }

  @Test
  void givesACogThatFailedToLoadAnotherChanceOnReload() {
    AtomicInteger attempts = new AtomicInteger();
    loader.load(
        new CogDefinition(
            Cog.INFO,
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("first attempt fails");
              }
              return registrar -> {};
            }));

    assertThat(loader.loaded()).isEmpty();
    assertThat(loader.reload(Cog.INFO)).isTrue();
    assertThat(loader.loaded()).containsExactly(Cog.INFO);
    assertThatThrownBy(() -> loader.reload(Cog.TLDR)).isInstanceOf(IllegalArgumentException.class);
    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT))
        .extracting(
            metric -> metric.attributeMap().get("operation"),
            metric -> metric.attributeMap().get("success"))
        .containsExactly(tuple("load", false), tuple("reload", true));
  }

  @Test
  void recordsEachUnloadTimedWithItsOutcome() {
    loader.load(new CogDefinition(Cog.UTILITY, UtilityCog_Metered::new));
    loader.load(
        new CogDefinition(
            Cog.STATS,
            () ->
                new dev.metered.example.cogs.Cog() {
                  @Override
                  public void load(dev.metered.example.commands.CommandRegistrar registrar) {}

                  @Override
                  public void unload() throws java.io.IOException {
                    throw new java.io.IOException("could not flush");
                  }
                }));
    sink.clear();

    loader.unloadAll();

    assertThat(loader.loaded()).isEmpty();
    assertThat(registry.find(Command.PING)).isEmpty();
    // The wrapper times every operation, unloads included.
    assertThat(sink.recorded(CogMetrics.OPERATION_DURATION)).hasSize(2);
    assertThat(sink.recorded(CogMetrics.OPERATION_COUNT))
        .extracting(RecordedMetric::attributeMap)
        .containsExactly(
            java.util.Map.of("cog", "utility", "operation", "unload", "success", true),
            java.util.Map.of(
                "cog",
                "stats",
                "operation",
                "unload",
                "success",
                false,
                "error_type",
                "IOException"));
    assertThat(sink.recorded(CogMetrics.FAILURES)).hasSize(1);
  }
}
