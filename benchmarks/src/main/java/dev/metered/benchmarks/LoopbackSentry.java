package dev.metered.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sentry.Sentry;
import io.sentry.SentryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Sentry endpoint on {@code 127.0.0.1} that accepts every envelope and throws it away, so that
 * the benchmarks can run the real Sentry SDK, with its batching, serializer and HTTP transport,
 * as a user's application does, without a network.
 *
 * <p>Why not the runtime's {@code SentryReceiver}: it decodes every envelope and keeps every
 * data point, work that Sentry's servers do and the measured application does not, which on a
 * 2-core machine would take CPU time from the benchmark threads. {@link LossRun}, which needs
 * to count what arrives, uses the receiver.
 */
public final class LoopbackSentry implements AutoCloseable {
  private static final byte[] OK = "{}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService requestThread;
  private final AtomicLong envelopes = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  private LoopbackSentry(HttpServer server, ExecutorService requestThread) {
    this.server = server;
    this.requestThread = requestThread;
  }

  /** Starts an endpoint on an ephemeral port of the loopback address. */
  public static LoopbackSentry start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService requestThread = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "loopback-sentry");
      thread.setDaemon(true);
      return thread;
    });
    LoopbackSentry endpoint = new LoopbackSentry(server, requestThread);
    server.createContext("/", endpoint::accept);
    server.setExecutor(requestThread);
    server.start();
    return endpoint;
  }

  /**
   * Initialises the Sentry SDK for {@code dsn} as an application would: the SDK's defaults, its
   * own HTTP transport, plus an environment, a release and a fixed server name (which spares
   * the SDK a reverse DNS lookup of this machine).
   */
  public static void initSentry(String dsn) {
    initSentry(dsn, options -> {});
  }

  /** {@link #initSentry(String)}, then {@code more} applied to the options. */
  public static void initSentry(String dsn, Consumer<SentryOptions> more) {
    Sentry.init(options -> {
      options.setDsn(dsn);
      options.setEnvironment("benchmark");
      options.setRelease("metered-benchmarks");
      options.setServerName("benchmark-host");
      more.accept(options);
    });
    if (!Sentry.isEnabled()) {
      throw new IllegalStateException("Sentry did not start for " + dsn);
    }
  }

  /** The DSN that points the SDK here. */
  public String dsn() {
    InetSocketAddress address = server.getAddress();
    return "http://key@" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/1";
  }

  /** How many envelopes arrived. */
  public long envelopes() {
    return envelopes.get();
  }

  /** How many bytes of envelopes arrived, as sent (gzipped). */
  public long bytes() {
    return bytes.get();
  }

  @Override
  public void close() {
    server.stop(0);
    requestThread.shutdown();
    try {
      requestThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void accept(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      bytes.addAndGet(body.transferTo(OutputStream.nullOutputStream()));
      envelopes.incrementAndGet();
      // Sentry answers 200 with a small JSON object; the SDK reads only the status.
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, OK.length);
      try (OutputStream response = exchange.getResponseBody()) {
        response.write(OK);
      }
    }
  }
}
