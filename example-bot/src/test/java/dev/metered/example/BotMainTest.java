package dev.metered.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.e2e.ReceivedMetric;
import dev.metered.runtime.e2e.SentryReceiver;
import io.sentry.Sentry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo as a user runs it, with a DSN: Sentry is initialised, fed, closed; the table printed.
 */
class BotMainTest {

  @Test
  void withADsnTheDemoSendsWhatItPrintsToSentryAndClosesIt() throws Exception {
    assertThat(Sentry.isEnabled()).as("Sentry left initialised by an earlier test").isFalse();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SentryReceiver receiver = SentryReceiver.start()) {
      BotMain.run(
          BotMain.DEFAULT_SEED,
          " " + receiver.dsn() + " ",
          new PrintStream(bytes, true, StandardCharsets.UTF_8));

      // run() closes the SDK, which flushes it; and it restores the global sink.
      assertThat(Sentry.isEnabled()).isFalse();
      assertThat(MeteredRuntime.globalSink().toString()).endsWith(MeteredRuntime.defaultSink().toString());
      String output = bytes.toString(StandardCharsets.UTF_8);
      Matcher total = Pattern.compile("21 metrics, (\\d+) data points").matcher(output);
      assertThat(total.find()).as(output).isTrue();
      int dataPoints = Integer.parseInt(total.group(1));
      List<ReceivedMetric> received =
          ReceivedMetric.fromAll(receiver.awaitMetrics(dataPoints, Duration.ofSeconds(10)));

      assertThat(received).hasSize(dataPoints);
      assertThat(output)
          .contains("Sentry: on")
          .contains("cogs that failed to load: wolfram")
          .contains("bot.database.retries")
          .contains("bot.cache.size");
      // Every printed metric row names a metric Sentry received.
      assertThat(
              output
                  .lines()
                  .filter(line -> line.startsWith("bot."))
                  .map(line -> line.split(" ")[0]))
          .hasSize(21)
          .allSatisfy(name -> assertThat(received).extracting(ReceivedMetric::name).contains(name));
    } finally {
      Sentry.close();
      MeteredRuntime.resetGlobalSink();
    }
  }
}
