package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics.Service;

/**
 * The service answered 429: too many requests. A distinct type, so that it is its own error_type.
 */
public final class RateLimitedException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * @param service the service that refused the call
   */
  public RateLimitedException(Service service) {
    super(service, 429, "rate limited");
  }
}
