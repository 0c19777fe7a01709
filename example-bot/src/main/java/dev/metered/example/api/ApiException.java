package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics.Service;
import java.util.OptionalInt;

/**
 * A call to an external API failed: it answered with an error status, or did not answer at all.
 * Unchecked, so that command handlers need not declare it.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Service service;
  private final int statusCode;

  /**
   * A call that got an error response.
   *
   * @param service the service called
   * @param statusCode the HTTP status it answered
   * @param message what went wrong
   */
  public ApiException(Service service, int statusCode, String message) {
    super(service.wireValue() + " answered " + statusCode + ": " + message);
    this.service = service;
    this.statusCode = statusCode;
  }

  /**
   * A call that got no response.
   *
   * @param service the service called
   * @param message what went wrong
   * @param cause the I/O failure or interrupt
   */
  public ApiException(Service service, String message, Throwable cause) {
    super(service.wireValue() + ": " + message, cause);
    this.service = service;
    this.statusCode = -1;
  }

  /**
   * The service called.
   *
   * @return the service
   */
  public Service service() {
    return service;
  }

  /**
   * The HTTP status, when a response arrived.
   *
   * @return the status, or empty when the call got no response
   */
  public OptionalInt statusCode() {
    return statusCode < 0 ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }
}
