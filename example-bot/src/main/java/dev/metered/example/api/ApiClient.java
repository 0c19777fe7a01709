package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics;
import dev.metered.example.metrics.ApiMetrics.Method;
import dev.metered.example.metrics.ApiMetrics.Service;
import dev.metered.example.support.Elapsed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Sends HTTP requests to one service and records one {@code api} event per request.
 *
 * <p>Every attempt is one event, a retry included: the service saw each of them, and each counts
 * against its rate limit. The event carries the HTTP method, the status code when a response
 * arrived (none after a timeout or a refused connection), success (a 2xx status) and whether the
 * service answered 429.
 *
 * <p>The {@code endpoint} attribute is the route template (for example {@code
 * /channels/{channel_id}/messages}), never the concrete path: paths contain ids and user input, and
 * an attribute with unbounded values would make the metric impossible to aggregate.
 *
 * <p>This client does not interpret statuses; the service clients on top of it do. Thread-safe.
 */
public final class ApiClient {
  private final HttpClient http;
  private final URI baseUri;
  private final Service service;
  private final Duration timeout;
  private final ApiMetrics metrics;
  private final Map<String, String> headers;

  /**
   * @param http the shared HTTP client
   * @param baseUri the service's base URI, without a trailing slash
   * @param service which service this is, for the metrics
   * @param timeout how long one request may take, connection included
   * @param metrics the recorder of {@code api} events
   */
  public ApiClient(
      HttpClient http, URI baseUri, Service service, Duration timeout, ApiMetrics metrics) {
    this(http, baseUri, service, timeout, metrics, Map.of());
  }

  private ApiClient(
      HttpClient http,
      URI baseUri,
      Service service,
      Duration timeout,
      ApiMetrics metrics,
      Map<String, String> headers) {
    this.http = Objects.requireNonNull(http, "http");
    this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
    this.service = Objects.requireNonNull(service, "service");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.headers = Map.copyOf(headers);
  }

  /**
   * This client, sending {@code name: value} with every request: for example Discord's {@code
   * Authorization: Bot <token>}.
   *
   * @param name the header's name
   * @param value its value
   * @return a new client
   */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> more = new HashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ApiClient(http, baseUri, service, timeout, metrics, more);
  }

  /**
   * The service this client calls.
   *
   * @return the service
   */
  public Service service() {
    return service;
  }

  /**
   * Sends one request.
   *
   * @param method the HTTP method
   * @param path the concrete path, starting with {@code /}, query included
   * @param endpoint the route template, for the metrics
   * @param jsonBody the JSON body, or {@code null} for none
   * @return the response, whatever its status
   * @throws ApiException when no response arrived
   */
  public ApiResponse send(Method method, String path, String endpoint, String jsonBody) {
    HttpRequest request = request(method, path, jsonBody);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      ApiResponse result =
          new ApiResponse(response.statusCode(), response.headers(), response.body());
      metrics
          .event(
              service,
              endpoint,
              result.isSuccess(),
              result.isRateLimited(),
              Elapsed.millisSince(start))
          .method(method)
          .statusCode(result.statusCode())
          .record();
      return result;
    } catch (IOException failure) {
      recordNoResponse(method, endpoint, start);
      throw new ApiException(
          service, method.wireValue() + " " + endpoint + " got no response", failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      recordNoResponse(method, endpoint, start);
      throw new ApiException(
          service, method.wireValue() + " " + endpoint + " interrupted", interrupted);
    }
  }

  private void recordNoResponse(Method method, String endpoint, long start) {
    // No status code: none arrived. Not rate limited: the service never said so.
    metrics
        .event(service, endpoint, false, false, Elapsed.millisSince(start))
        .method(method)
        .record();
  }

  private HttpRequest request(Method method, String path, String jsonBody) {
    HttpRequest.BodyPublisher body =
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUri + path))
            .timeout(timeout)
            .method(method.wireValue(), body)
            .header("User-Agent", "metered-example-bot");
    if (jsonBody != null) {
      builder.header("Content-Type", "application/json");
    }
    headers.forEach(builder::header);
    return builder.build();
  }
}
