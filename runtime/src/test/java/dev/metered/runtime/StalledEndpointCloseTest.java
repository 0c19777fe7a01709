package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metered.runtime.internal.Dimension;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Sentry endpoint that accepts connections and never answers cannot hold a close, or the
 * JVM's exit, beyond {@link MeteredOptions#closeTimeout()}, however many series there are: the
 * real SDK and its HTTP transport send to a loopback socket that reads nothing and writes
 * nothing back ({@link StalledEndpoint}).
 */
class StalledEndpointCloseTest {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
  /** Bound check, not a benchmark: the deadline plus a generous margin. */
  private static final Duration MARGIN = Duration.ofSeconds(2);
  /** Sentry's own shutdown and flush timeouts, kept short: they bound what the SDK does itself. */
  private static final Duration SDK_TIMEOUT = Duration.ofMillis(500);

  private StalledEndpoint endpoint;

  @BeforeEach
  void start() throws IOException {
    assertThat(Sentry.isEnabled()).as("no Sentry left over from another test").isFalse();
    endpoint = new StalledEndpoint();
  }

  @AfterEach
  void stop() throws IOException {
    Sentry.close();
    endpoint.close();
  }

  @Test
  void closeEndsWithinItsDeadlineWithTenThousandSeriesAndCountsWhatItCouldNotSend() {
    DeliverySink sink = oneIncrementInEachOfTenThousandSeries();

    Duration took = timed(sink::close);

    assertThat(took).as("close() against a stalled endpoint").isLessThan(CLOSE_TIMEOUT.plus(MARGIN));
    DeliveryStats stats = sink.stats();
    assertThat(stats.aggregatedPoints() + stats.dropped())
        .as("every series handed to the SDK or counted as dropped: %s", stats)
        .isEqualTo(10_000);
    assertThat(stats.dropped()).as("the SDK's flushes waited on the endpoint: %s", stats).isPositive();
    assertThat(endpoint.connections()).as("the SDK did try to send").isNotEmpty();
  }

  @Test
  void sentryCloseSendsWithinTheCloseTimeoutWithTenThousandSeries() {
    DeliverySink sink = oneIncrementInEachOfTenThousandSeries();

    Duration took = timed(Sentry::close);

    // The sink's part is bounded by closeTimeout; the SDK's own close by its shutdown timeout
    // (its executors, its client's flush) and flush timeout (its transport), SDK_TIMEOUT each.
    assertThat(took).as("Sentry.close() against a stalled endpoint")
        .isLessThan(CLOSE_TIMEOUT.plus(MARGIN).plus(SDK_TIMEOUT.multipliedBy(4)));
    DeliveryStats stats = sink.stats();
    assertThat(stats.aggregatedPoints() + stats.dropped()).as("%s", stats).isEqualTo(10_000);
    sink.close();
  }

  @Test
  void jvmExitEndsWithinTheCloseTimeout() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        StalledShutdownMain.class.getName(), endpoint.dsn(), Long.toString(CLOSE_TIMEOUT.toMillis()))
        .redirectErrorStream(true)
        .start();
    StringBuilder output = new StringBuilder();
    BufferedReader lines = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    long returnedFromMain = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      output.append(line).append(System.lineSeparator());
      if (line.startsWith("recorded ")) {
        returnedFromMain = System.nanoTime();
        break;
      }
    }
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    Duration exitTook = Duration.ofNanos(System.nanoTime() - returnedFromMain);
    output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));

    assertThat(returnedFromMain).as("the child recorded; output:%n%s", output).isPositive();
    assertThat(exited).as("output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("output:%n%s", output).isZero();
    // The sink's hook and Sentry's (a flush of SDK_TIMEOUT) run side by side.
    assertThat(exitTook).as("from main's return to the JVM's exit; output:%n%s", output)
        .isLessThan(CLOSE_TIMEOUT.plus(MARGIN));
  }

  private static Duration timed(Runnable closing) {
    long started = System.nanoTime();
    closing.run();
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Sentry to the stalled endpoint, and a sink holding 10,000 aggregated series. */
  private DeliverySink oneIncrementInEachOfTenThousandSeries() {
    Sentry.init(options -> configure(options, endpoint.dsn()));
    SeriesTable table = tenThousandSeries();
    DeliverySink sink = new DeliverySink(MeteredOptions.builder()
        .deliveryForAll(DeliveryMode.AGGREGATE)
        .flushInterval(Duration.ofHours(1))
        .closeTimeout(CLOSE_TIMEOUT)
        .build());
    assertThat(sink.isEnabled()).isTrue();
    for (int series = 0; series < table.size(); series++) {
      sink.record(table, series, 1);
    }
    assertThat(table.size()).isEqualTo(10_000);
    return sink;
  }

  /** What the tests' Sentry is, here and in the child JVM: the stalled endpoint, and short timeouts for the SDK's own close. */
  static void configure(SentryOptions options, String dsn) {
    options.setDsn(dsn);
    options.setEnableUncaughtExceptionHandler(false);
    options.setServerName("e2e-host");
    options.setShutdownTimeoutMillis(SDK_TIMEOUT.toMillis());
    options.setFlushTimeoutMillis(SDK_TIMEOUT.toMillis());
  }

  /** A counter table of 100 by 100 series. */
  static SeriesTable tenThousandSeries() {
    Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE);
    return new SeriesTable(requests, hundred("shop"), hundred("page"));
  }

  private static Dimension hundred(String key) {
    AttributeValue[] values = new AttributeValue[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = TestAttributeValue.of(key, key + i);
    }
    return Dimension.of(values);
  }
}
