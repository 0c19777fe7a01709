package dev.metered.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentry.Sentry;
import io.sentry.SentryAttribute;
import io.sentry.SentryAttributes;
import io.sentry.metrics.MetricsUnit;
import io.sentry.metrics.SentryMetricsParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link SentryReceiver} against the real Sentry SDK: metrics recorded through {@code
 * Sentry.metrics()} travel through the SDK's batching, serializer and HTTP transport, and the
 * receiver must decode exactly those data points — or say loudly that it could not.
 *
 * <p>Why: the runtime's delivery tests, the example bot's end-to-end tests and the benchmarks'
 * loss run trust this receiver. If it dropped data, mangled attribute types or hid decoding
 * failures, those tests would pass for the wrong reason.
 *
 * <p>Each test gets its own receiver on a fresh port, and Sentry is closed after each test (and
 * checked to be off before each), so no SDK state or late envelope leaks from one test into
 * another.
 */
class SentryReceiverTest {

  /** Bounded waits: generous for a slow CI machine, far below any test timeout. */
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private SentryReceiver receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    assertThat(Sentry.isEnabled()).as("Sentry left initialised by an earlier test").isFalse();
    receiver = SentryReceiver.start();
  }

  @AfterEach
  void stopSentryAndReceiver() {
    try {
      Sentry.close();
      assertThat(Sentry.isEnabled()).as("Sentry still enabled after close()").isFalse();
    } finally {
      receiver.close();
    }
  }

  private void initSentry() {
    Sentry.init(receiver::configure);
  }

  @Test
  void decodesCounterDistributionAndGaugeSentThroughTheRealTransport() throws Exception {
    initSentry();
    SentryMetricsParameters commandAttributes =
        SentryMetricsParameters.create(
            SentryAttributes.of(
                SentryAttribute.stringAttribute("command", "ping"),
                SentryAttribute.booleanAttribute("success", true),
                SentryAttribute.named("shard", 3L)));
    SentryMetricsParameters latencyAttributes =
        SentryMetricsParameters.create(
            SentryAttributes.of(
                SentryAttribute.stringAttribute("command", "ban"),
                SentryAttribute.doubleAttribute("ratio", 2.0),
                SentryAttribute.integerAttribute("retries", 0)));
    SentryMetricsParameters gaugeAttributes =
        SentryMetricsParameters.create(
            SentryAttributes.of(SentryAttribute.booleanAttribute("sharded", false)));

    Sentry.metrics().count("e2e.commands", 2.0, null, commandAttributes);
    Sentry.metrics()
        .distribution("e2e.latency", 12.5, MetricsUnit.Duration.MILLISECOND, latencyAttributes);
    Sentry.metrics().gauge("e2e.guilds", 42.0, "none", gaugeAttributes);
    Sentry.flush(TIMEOUT.toMillis());

    receiver.awaitMetrics(3, TIMEOUT);
    List<ReceivedMetric> received =
        receiver.receivedMetrics().stream().map(ReceivedMetric::withoutSdkAttributes).toList();

    assertThat(received)
        .containsExactlyInAnyOrder(
            ReceivedMetric.of("e2e.commands", "counter", null, 2.0)
                .withAttribute("command", "string", "ping")
                .withAttribute("success", "boolean", true)
                .withAttribute("shard", "integer", 3L),
            ReceivedMetric.of("e2e.latency", "distribution", "millisecond", 12.5)
                .withAttribute("command", "string", "ban")
                .withAttribute("ratio", "double", 2.0)
                .withAttribute("retries", "integer", 0L),
            ReceivedMetric.of("e2e.guilds", "gauge", "none", 42.0)
                .withAttribute("sharded", "boolean", false));
    assertThat(receiver.envelopeCount()).isPositive();
    assertThat(receiver.otherItemCounts()).doesNotContainKey("trace_metric");
    receiver.assertNoDecodingErrors();
  }

  @Test
  void deliversBatchedMetricsWhenTheSdkCloses() throws Exception {
    initSentry();
    Sentry.metrics().count("e2e.closed", 1.0);

    // No flush: the batch (normally sent after 5 s) must go out on close.
    Sentry.close();

    assertThat(ReceivedMetric.fromAll(receiver.awaitMetrics(1, TIMEOUT)))
        .extracting(ReceivedMetric::withoutSdkAttributes)
        .containsExactly(ReceivedMetric.of("e2e.closed", "counter", null, 1.0));
  }

  @Test
  void keepsTheSdkDefaultAttributesUntilAskedToDropThem() throws Exception {
    initSentry();
    Sentry.metrics()
        .count(
            "e2e.defaults",
            1.0,
            null,
            SentryMetricsParameters.create(
                SentryAttributes.of(SentryAttribute.stringAttribute("command", "ping"))));
    Sentry.flush(TIMEOUT.toMillis());

    ReceivedMetric metric = ReceivedMetric.fromAll(receiver.awaitMetrics(1, TIMEOUT)).get(0);

    assertThat(metric.attributes())
        .containsEntry("command", "ping")
        .containsEntry("sentry.environment", "e2e")
        .containsEntry("server.address", "e2e-host")
        .containsKeys("sentry.sdk.name", "sentry.sdk.version");
    assertThat(metric.attributeTypes()).containsEntry("sentry.sdk.name", "string");
    assertThat(metric.withoutSdkAttributes().attributes()).containsOnlyKeys("command");
    assertThat(metric.withoutSdkAttributes().attributeTypes()).containsOnlyKeys("command");
  }

  @Test
  void recordsABodyThatIsNotAnEnvelope() throws Exception {
    HttpResponse<String> response = post(gzip("not an envelope"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(receiver.decodingErrors()).singleElement().asString().contains("envelope");
    assertThatThrownBy(receiver::assertNoDecodingErrors).isInstanceOf(AssertionError.class);
    assertThatThrownBy(receiver::metrics).isInstanceOf(AssertionError.class);
    assertThat(receiver.envelopeCount()).isZero();
  }

  @Test
  void recordsATraceMetricItemTheSdkCannotDecode() throws Exception {
    // A well-formed envelope whose metric lacks the required trace_id and timestamp.
    String payload = "{\"items\":[{\"name\":\"e2e.broken\",\"type\":\"counter\",\"value\":1}]}";
    String envelope =
        "{}\n{\"type\":\"trace_metric\",\"length\":"
            + payload.getBytes(StandardCharsets.UTF_8).length
            + ",\"item_count\":1}\n"
            + payload
            + "\n";

    HttpResponse<String> response = post(gzip(envelope));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(receiver.decodingErrors())
        .anySatisfy(error -> assertThat(error).contains("trace_metric item 0"))
        .anySatisfy(error -> assertThat(error).contains("trace_id"));
    // A waiter fails at once instead of running into its timeout.
    assertThatThrownBy(() -> receiver.awaitMetrics(1, TIMEOUT))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("could not decode");
  }

  @Test
  void acceptsAnUncompressedEnvelopeAndCountsOtherItems() throws Exception {
    String payload = "{\"foo\":1}";
    String envelope =
        "{}\n{\"type\":\"client_report\",\"length\":"
            + payload.length()
            + "}\n"
            + payload
            + "\n";

    HttpResponse<String> response =
        send(
            requestTo(envelopeUri())
                .POST(HttpRequest.BodyPublishers.ofString(envelope))
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(receiver.otherItemCounts()).containsExactly(Map.entry("client_report", 1));
    assertThat(receiver.envelopeCount()).isOne();
    assertThat(receiver.metrics()).isEmpty();
  }

  @Test
  void failsAWaitThatTimesOutAndSaysWhatArrived() {
    assertThatThrownBy(() -> receiver.awaitMetrics(1, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("received 0");
  }

  @Test
  void recordsARequestToAnotherPath() throws Exception {
    HttpResponse<String> response =
        send(
            requestTo(URI.create(baseUri() + "/api/1/store/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(receiver.decodingErrors())
        .singleElement()
        .asString()
        .contains("Unexpected request POST /api/1/store/");
  }

  private HttpResponse<String> post(byte[] gzippedBody) throws IOException, InterruptedException {
    return send(
        requestTo(envelopeUri())
            .header("Content-Encoding", "gzip")
            .header("Content-Type", "application/x-sentry-envelope")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzippedBody))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder requestTo(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(TIMEOUT);
  }

  private URI envelopeUri() {
    return URI.create(baseUri() + "/api/" + SentryReceiver.PROJECT_ID + "/envelope/");
  }

  /** {@code http://127.0.0.1:PORT}, taken from the receiver's DSN. */
  private String baseUri() {
    URI dsn = URI.create(receiver.dsn());
    return dsn.getScheme() + "://" + dsn.getHost() + ":" + dsn.getPort();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
