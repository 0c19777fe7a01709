package dev.metered.runtime.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sentry.EnvelopeReader;
import io.sentry.ILogger;
import io.sentry.ISerializer;
import io.sentry.JsonSerializer;
import io.sentry.SentryEnvelope;
import io.sentry.SentryEnvelopeItem;
import io.sentry.SentryEnvelopeItemHeader;
import io.sentry.SentryItemType;
import io.sentry.SentryLevel;
import io.sentry.SentryMetricsEvent;
import io.sentry.SentryMetricsEvents;
import io.sentry.SentryOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in for Sentry's ingestion endpoint: a real HTTP server on {@code 127.0.0.1} that accepts
 * envelope POSTs and decodes them with the SDK's own classes.
 *
 * <p>Why: unit tests with a recording sink prove what the code <em>asks</em> the SDK to record.
 * This receiver proves what the real SDK <em>puts on the wire</em> — through its batching, its
 * serializer and its HTTP transport — so a test can assert names, types, units, values and
 * attribute types exactly as Sentry would receive them, without a network or a Sentry account.
 *
 * <p>Decoding uses {@link EnvelopeReader} and {@link JsonSerializer} (the classes the SDK uses to
 * read envelopes back from its disk cache), so the receiver parses exactly what the SDK wrote and
 * needs no JSON code of its own. Every {@link SentryMetricsEvent} of a {@code trace_metric} item is
 * kept; other items are only counted by type.
 *
 * <p>Nothing that goes wrong is swallowed. An unexpected request, an unknown content encoding, an
 * envelope or item the SDK's classes cannot decode, an item count that does not match the item
 * header, and any error the SDK's deserializer logs are recorded as {@linkplain #decodingErrors()
 * decoding errors}; the sender is answered with {@code 400}. {@link #metrics()} and {@link
 * #awaitMetrics(int, Duration)} throw an {@link AssertionError} as soon as one is recorded, so a
 * test cannot pass on a partially understood stream.
 *
 * <p>The SDK's {@code HttpConnection} always gzips the body and says so with {@code
 * Content-Encoding: gzip}; it treats any {@code 200} as success and does not read the body. Sentry
 * answers envelope requests with a small JSON object, so the receiver answers {@code 200} with
 * {@code {}}.
 *
 * <p>Thread-safe: requests are handled on one thread of the receiver's own; all state is guarded by
 * one lock, which also lets a test wait for data without sleeping.
 */
public final class SentryReceiver implements AutoCloseable {

  /** The public key put in the DSN; the receiver does not check authentication. */
  public static final String PUBLIC_KEY = "publickey";

  /** The project id put in the DSN. */
  public static final String PROJECT_ID = "1";

  private static final String ENVELOPE_PATH = "/api/" + PROJECT_ID + "/envelope/";
  private static final byte[] OK_BODY = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final HttpServer server;
  private final ExecutorService requestThread;
  private final ISerializer serializer;
  private final EnvelopeReader envelopeReader;

  private final Object lock = new Object();
  // All guarded by lock.
  private final List<SentryMetricsEvent> metrics = new ArrayList<>();
  private final Map<String, Integer> otherItemCounts = new TreeMap<>();
  private final List<String> decodingErrors = new ArrayList<>();
  private int envelopeCount;

  private SentryReceiver(HttpServer server, ExecutorService requestThread) {
    this.server = server;
    this.requestThread = requestThread;
    SentryOptions decodingOptions = new SentryOptions();
    // JsonSerializer reports failures only through the options' logger and returns null, so
    // route that logger's errors into decodingErrors. The diagnostic logger passes messages on
    // only with debug on; ERROR keeps it to failures.
    decodingOptions.setDebug(true);
    decodingOptions.setDiagnosticLevel(SentryLevel.ERROR);
    decodingOptions.setLogger(new ErrorRecordingLogger());
    this.serializer = new JsonSerializer(decodingOptions);
    this.envelopeReader = new EnvelopeReader(serializer);
  }

  /**
   * Starts a receiver on an ephemeral port of {@code 127.0.0.1}.
   *
   * @return the running receiver; close it to stop the server
   * @throws IOException if the server cannot bind
   */
  public static SentryReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService requestThread =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sentry-receiver");
              thread.setDaemon(true);
              return thread;
            });
    SentryReceiver receiver = new SentryReceiver(server, requestThread);
    server.createContext("/", receiver::handle);
    server.setExecutor(requestThread);
    server.start();
    return receiver;
  }

  /**
   * Points Sentry options at this receiver, for {@code Sentry.init(receiver::configure)}: the
   * real SDK with its real HTTP transport. In 8.62.0 and 8.63.0 a DSN is all metrics need: {@code
   * Sentry.metrics()} captures whenever the SDK is enabled, and neither {@code sampleRate} nor
   * {@code tracesSampleRate} applies to metrics.
   *
   * @param options the options being initialised
   */
  public void configure(SentryOptions options) {
    options.setDsn(dsn());
    // Keep the test's JVM-wide footprint small: no global uncaught-exception handler.
    options.setEnableUncaughtExceptionHandler(false);
    // No reverse-DNS lookup of this machine for the server.address attribute.
    options.setServerName("e2e-host");
    options.setEnvironment("e2e");
    // close() flushes within this bound, then waits up to it for the metrics batch processor's
    // executor, whose pending 5 s flush task would otherwise hold every test for 5 s. Leftover
    // batches are still sent synchronously, so nothing is lost.
    options.setShutdownTimeoutMillis(2_000);
  }

  /**
   * The DSN that points the SDK at this receiver.
   *
   * @return e.g. {@code http://publickey@127.0.0.1:54321/1}
   */
  public String dsn() {
    InetSocketAddress address = server.getAddress();
    return "http://"
        + PUBLIC_KEY
        + "@"
        + address.getAddress().getHostAddress()
        + ":"
        + address.getPort()
        + "/"
        + PROJECT_ID;
  }

  /**
   * Every metric received so far, in arrival order.
   *
   * @return a snapshot copy
   * @throws AssertionError if anything could not be decoded
   */
  public List<SentryMetricsEvent> metrics() {
    synchronized (lock) {
      assertNoDecodingErrors();
      return List.copyOf(metrics);
    }
  }

  /**
   * Every metric received so far as comparable values, in arrival order.
   *
   * @return a snapshot, with all attributes including the SDK's own
   * @throws AssertionError if anything could not be decoded
   */
  public List<ReceivedMetric> receivedMetrics() {
    return ReceivedMetric.fromAll(metrics());
  }

  /**
   * Waits until at least {@code count} metrics have arrived.
   *
   * @param count how many metrics to wait for
   * @param timeout how long to wait at most
   * @return a snapshot of every metric received, at least {@code count} of them
   * @throws AssertionError if the timeout passes first (naming what did arrive), or if anything
   *     could not be decoded
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public List<SentryMetricsEvent> awaitMetrics(int count, Duration timeout)
      throws InterruptedException {
    synchronized (lock) {
      await(() -> metrics.size() >= count, count + " metric(s)", timeout);
      return metrics();
    }
  }

  /**
   * Waits until at least {@code count} items of {@code itemType} other than {@code trace_metric}
   * have arrived: a marker that everything the SDK was handed before it was sent too.
   *
   * @param itemType an envelope item type, e.g. {@code "event"}
   * @param count how many such items to wait for
   * @param timeout how long to wait at most
   * @throws AssertionError if the timeout passes first (naming what did arrive), or if anything
   *     could not be decoded
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public void awaitItems(String itemType, int count, Duration timeout)
      throws InterruptedException {
    synchronized (lock) {
      await(() -> otherItemCounts.getOrDefault(itemType, 0) >= count,
          count + " item(s) of type " + itemType, timeout);
      assertNoDecodingErrors();
    }
  }

  /** Waits, holding the lock, until {@code arrived} or a decoding error; fails at the timeout. */
  private void await(BooleanSupplier arrived, String expected, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!arrived.getAsBoolean() && decodingErrors.isEmpty()) {
      long remainingNanos = deadline - System.nanoTime();
      if (remainingNanos <= 0) {
        throw new AssertionError(
            "Expected at least "
                + expected
                + " within "
                + timeout
                + " but received "
                + metrics.size()
                + " metric(s) in "
                + envelopeCount
                + " envelope(s); other items: "
                + otherItemCounts
                + "; metrics: "
                + ReceivedMetric.fromAll(metrics));
      }
      TimeUnit.NANOSECONDS.timedWait(lock, remainingNanos);
    }
  }

  /**
   * How many envelopes were received, whether or not they held metrics.
   *
   * @return the number of envelope requests decoded
   */
  public int envelopeCount() {
    synchronized (lock) {
      return envelopeCount;
    }
  }

  /**
   * How many items of types other than {@code trace_metric} were received, per item type.
   *
   * @return item type (e.g. {@code "client_report"}) to count, sorted by type
   */
  public Map<String, Integer> otherItemCounts() {
    synchronized (lock) {
      return Collections.unmodifiableMap(new TreeMap<>(otherItemCounts));
    }
  }

  /**
   * Everything the receiver could not understand, in order.
   *
   * @return one description per problem; empty when all went well
   */
  public List<String> decodingErrors() {
    synchronized (lock) {
      return List.copyOf(decodingErrors);
    }
  }

  /**
   * Fails if anything could not be decoded.
   *
   * @throws AssertionError listing every recorded problem
   */
  public void assertNoDecodingErrors() {
    synchronized (lock) {
      if (!decodingErrors.isEmpty()) {
        throw new AssertionError(
            "Sentry receiver could not decode what it received:\n"
                + String.join("\n---\n", decodingErrors));
      }
    }
  }

  /** Stops the server, waiting a bounded time for a request in progress. */
  @Override
  public void close() {
    server.stop(0);
    requestThread.shutdown();
    try {
      if (!requestThread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        requestThread.shutdownNow();
      }
    } catch (InterruptedException e) {
      requestThread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String problem;
      try {
        problem = receive(exchange);
      } catch (RuntimeException e) {
        // HttpServer would only log this and drop the connection: record it instead.
        problem = "Unexpected failure handling a request: " + stackTrace(e);
      }
      if (problem == null) {
        respond(exchange, 200, "application/json", OK_BODY);
      } else {
        recordError(problem);
        byte[] body = problem.getBytes(StandardCharsets.UTF_8);
        respond(exchange, 400, "text/plain; charset=utf-8", body);
      }
    } finally {
      exchange.close();
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Decodes one request; returns a description of what went wrong, or null if nothing did. */
  private String receive(HttpExchange exchange) {
    String request = exchange.getRequestMethod() + " " + exchange.getRequestURI();
    if (!"POST".equals(exchange.getRequestMethod())
        || !ENVELOPE_PATH.equals(exchange.getRequestURI().getPath())) {
      return "Unexpected request " + request + "; expected POST " + ENVELOPE_PATH;
    }
    byte[] body;
    try {
      body = readBody(exchange);
    } catch (IOException | IllegalArgumentException e) {
      return "Cannot read body of " + request + ": " + stackTrace(e);
    }
    int errorsBefore = errorCount();
    SentryEnvelope envelope;
    try {
      envelope = envelopeReader.read(new ByteArrayInputStream(body));
    } catch (IOException | RuntimeException e) {
      return "Cannot decode envelope of " + request + ": " + stackTrace(e) + bodyExcerpt(body);
    }
    if (envelope == null) {
      return "EnvelopeReader returned no envelope for " + request + bodyExcerpt(body);
    }

    List<SentryMetricsEvent> received = new ArrayList<>();
    Map<String, Integer> others = new TreeMap<>();
    int index = 0;
    for (SentryEnvelopeItem item : envelope.getItems()) {
      SentryItemType type = item.getHeader().getType();
      if (type == SentryItemType.TraceMetric) {
        String problem = decodeMetrics(item, index, received);
        if (problem != null) {
          return problem + bodyExcerpt(body);
        }
      } else {
        others.merge(type.getItemType(), 1, Integer::sum);
      }
      index++;
    }
    if (errorCount() != errorsBefore) {
      // The SDK's deserializer logged an error while still producing something: not trusted.
      return "The SDK's deserializer reported errors while decoding " + request + bodyExcerpt(body);
    }

    synchronized (lock) {
      envelopeCount++;
      metrics.addAll(received);
      others.forEach((type, count) -> otherItemCounts.merge(type, count, Integer::sum));
      lock.notifyAll();
    }
    return null;
  }

  private String decodeMetrics(
      SentryEnvelopeItem item, int index, List<SentryMetricsEvent> received) {
    SentryMetricsEvents events;
    try {
      events = item.getMetrics(serializer);
    } catch (Exception e) {
      return "Cannot decode trace_metric item " + index + ": " + stackTrace(e);
    }
    if (events == null) {
      return "The SDK's deserializer could not decode trace_metric item " + index;
    }
    Integer declared = declaredItemCount(item.getHeader());
    if (declared != null && declared != events.getItems().size()) {
      return "trace_metric item "
          + index
          + " declares item_count "
          + declared
          + " but holds "
          + events.getItems().size();
    }
    received.addAll(events.getItems());
    return null;
  }

  /**
   * The item header's {@code item_count}, or {@code null} when the SDK on the class path cannot
   * read it: 8.30.0, the oldest the runtime supports, has no {@code getItemCount()}.
   */
  private static Integer declaredItemCount(SentryEnvelopeItemHeader header) {
    try {
      return (Integer) SentryEnvelopeItemHeader.class.getMethod("getItemCount").invoke(header);
    } catch (ReflectiveOperationException olderSdk) {
      return null;
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    try (InputStream raw = exchange.getRequestBody()) {
      if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
        return raw.readAllBytes();
      }
      if (encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
        try (InputStream unzipped = new GZIPInputStream(raw)) {
          return unzipped.readAllBytes();
        }
      }
      throw new IllegalArgumentException("Unsupported Content-Encoding: " + encoding);
    }
  }

  private int errorCount() {
    synchronized (lock) {
      return decodingErrors.size();
    }
  }

  private void recordError(String problem) {
    synchronized (lock) {
      decodingErrors.add(problem);
      // Wake waiters: they fail fast instead of running into their timeout.
      lock.notifyAll();
    }
  }

  private static String bodyExcerpt(byte[] body) {
    int shown = Math.min(body.length, 2000);
    return "\nbody ("
        + body.length
        + " bytes"
        + (shown < body.length ? ", first " + shown : "")
        + "):\n"
        + new String(Arrays.copyOf(body, shown), StandardCharsets.UTF_8);
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter out = new StringWriter();
    throwable.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /** Turns what the SDK's deserializer logs at ERROR or above into decoding errors. */
  private final class ErrorRecordingLogger implements ILogger {

    @Override
    public void log(SentryLevel level, String message, Object... args) {
      record(level, null, message, args);
    }

    @Override
    public void log(SentryLevel level, String message, Throwable throwable) {
      record(level, throwable, message);
    }

    @Override
    public void log(SentryLevel level, Throwable throwable, String message, Object... args) {
      record(level, throwable, message, args);
    }

    @Override
    public boolean isEnabled(SentryLevel level) {
      return level != null && level.ordinal() >= SentryLevel.ERROR.ordinal();
    }

    private void record(SentryLevel level, Throwable throwable, String message, Object... args) {
      if (!isEnabled(level)) {
        return;
      }
      String text = args == null || args.length == 0 ? message : safeFormat(message, args);
      recordError(
          "SDK deserializer logged "
              + level
              + ": "
              + text
              + (throwable == null ? "" : "\n" + stackTrace(throwable)));
    }

    private String safeFormat(String message, Object... args) {
      try {
        return String.format(message, args);
      } catch (RuntimeException e) {
        return message + " " + Arrays.toString(args);
      }
    }
  }
}
