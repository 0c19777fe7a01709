package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics.Method;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The part of Discord's REST API the bot uses without a gateway connection: sending a message to a
 * channel. It honours a 429's {@code X-RateLimit-Reset-After} once, as Discord asks clients to.
 */
public final class DiscordClient {
  /** The route template; channel ids are unbounded and never become attribute values. */
  public static final String MESSAGES_ENDPOINT = "/channels/{channel_id}/messages";

  /** Never wait longer than this for a rate limit to reset: the caller is a scheduled task. */
  private static final Duration MAX_RESET_WAIT = Duration.ofSeconds(1);

  private final ApiClient api;

  /**
   * @param api the client for the Discord REST API
   */
  public DiscordClient(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * Sends a message.
   *
   * @param channelId the channel
   * @param content the text
   * @throws RateLimitedException when Discord still answers 429 after one wait
   * @throws ApiException when it answers another error (403: the bot may not post there), or
   *     nothing
   */
  public void sendMessage(long channelId, String content) {
    String path = "/channels/" + channelId + "/messages";
    String body = "{\"content\":\"" + jsonEscape(content) + "\"}";
    ApiResponse response = api.send(Method.POST, path, MESSAGES_ENDPOINT, body);
    if (response.isRateLimited()) {
      waitForReset(response);
      response = api.send(Method.POST, path, MESSAGES_ENDPOINT, body);
    }
    if (response.isRateLimited()) {
      throw new RateLimitedException(api.service());
    }
    if (!response.isSuccess()) {
      throw new ApiException(
          api.service(), response.statusCode(), "message to channel " + channelId);
    }
  }

  private void waitForReset(ApiResponse response) {
    double seconds =
        response
            .headers()
            .firstValue("X-RateLimit-Reset-After")
            .map(Double::parseDouble)
            .orElse(1.0);
    long millis = Math.min((long) Math.ceil(seconds * 1000), MAX_RESET_WAIT.toMillis());
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new RateLimitedException(api.service());
    }
  }

  private static String jsonEscape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
