package dev.metered.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentry.Sentry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Sentry endpoint that accepts connections and never answers cannot hold a close beyond
 * {@link MeteredOptions#closeTimeout()}, however many series there are: the real SDK and its
 * HTTP transport send to a loopback socket that reads nothing and writes nothing back.
 */
class StalledEndpointCloseTest {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
  /** Bound check, not a benchmark: the deadline plus a generous margin. */
  private static final Duration MARGIN = Duration.ofSeconds(2);

  private StalledEndpoint endpoint;

  @BeforeEach
  void start() throws IOException {
    assertThat(Sentry.isEnabled()).as("no Sentry left over from another test").isFalse();
    endpoint = new StalledEndpoint();
    Sentry.init(options -> {
      options.setDsn("http://publickey@127.0.0.1:" + endpoint.port() + "/1");
      options.setEnableUncaughtExceptionHandler(false);
      options.setServerName("e2e-host");
      // Keep Sentry's own close, after the test, short too.
      options.setShutdownTimeoutMillis(500);
      options.setFlushTimeoutMillis(500);
    });
  }

  @AfterEach
  void stop() throws IOException {
    Sentry.close();
    endpoint.close();
  }

  @Test
  void closeEndsWithinItsDeadlineWithTenThousandSeriesAndCountsWhatItCouldNotSend() {
    Metric requests = Metric.counter("shop.requests", null, "request", DeliveryMode.AGGREGATE);
    SeriesTable table = new SeriesTable(requests, hundred("shop"), hundred("page"));
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

    long started = System.nanoTime();
    sink.close();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).as("close() against a stalled endpoint").isLessThan(CLOSE_TIMEOUT.plus(MARGIN));
    DeliveryStats stats = sink.stats();
    assertThat(stats.aggregatedPoints() + stats.dropped())
        .as("every series handed to the SDK or counted as dropped: %s", stats)
        .isEqualTo(10_000);
    assertThat(stats.dropped()).as("the SDK's flushes waited on the endpoint: %s", stats).isPositive();
    assertThat(endpoint.connections()).as("the SDK did try to send").isNotEmpty();
  }

  private static Dimension hundred(String key) {
    AttributeValue[] values = new AttributeValue[100];
    for (int i = 0; i < values.length; i++) {
      values[i] = TestAttributeValue.of(key, key + i);
    }
    return Dimension.of(values);
  }

  /** Accepts every connection on 127.0.0.1 and then neither reads nor answers. */
  private static final class StalledEndpoint implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    StalledEndpoint() throws IOException {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      acceptor = new Thread(this::accept, "stalled-endpoint");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    List<Socket> connections() {
      return connections;
    }

    private void accept() {
      try {
        while (true) {
          connections.add(server.accept());
        }
      } catch (IOException closed) {
        // the test is over
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket connection : connections) {
        connection.close();
      }
    }
  }
}
