package dev.metered.example.api;

import dev.metered.example.api.stub.FaultPlan;
import dev.metered.example.api.stub.Latency;
import dev.metered.example.api.stub.StubApiServer;
import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.runtime.testing.RecordingSink;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * What the HTTP client tests share: a real {@link HttpClient}, the stub on 127.0.0.1 (stopped after
 * each test), and a sink for the {@code api} events.
 */
abstract class StubApiFixture {
  /** What the sink received. */
  final RecordingSink sink = new RecordingSink();

  /** The stub of the current test, once {@link #client} started it. */
  StubApiServer stub;

  private final Duration timeout;
  private final HttpClient http;

  StubApiFixture(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @AfterEach
  void stopStub() {
    if (stub != null) {
      stub.close();
    }
  }

  /**
   * Starts the stub and returns a client of {@code service} against it; stalls outlast the timeout.
   */
  ApiClient client(FaultPlan faults, Latency latency, Service service) throws Exception {
    stub = StubApiServer.start(faults, timeout.multipliedBy(3), latency);
    return new ApiClient(http, stub.baseUri(), service, timeout, new ApiMetrics(sink));
  }

  /** An attribute map in the schema's order, from key-value pairs. */
  static Map<String, Object> attributes(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
