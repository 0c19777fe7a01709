package dev.metered.example.api;

import java.net.http.HttpHeaders;

/**
 * An HTTP response, whatever its status.
 *
 * @param statusCode the HTTP status
 * @param headers the response headers
 * @param body the body as text
 */
public record ApiResponse(int statusCode, HttpHeaders headers, String body) {

  /**
   * Whether the status is 2xx.
   *
   * @return {@code true} for a successful call
   */
  public boolean isSuccess() {
    return statusCode >= 200 && statusCode < 300;
  }

  /**
   * Whether the service refused the call because of its rate limit.
   *
   * @return {@code true} for status 429
   */
  public boolean isRateLimited() {
    return statusCode == 429;
  }
}
