package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics.Method;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Fetches tldr pages (short, example-first manual pages) from tldr-pages: the project's raw files,
 * {@code {base}/pages/{platform}/{name}.md}, where the base is for example {@code
 * https://raw.githubusercontent.com/tldr-pages/tldr/main} ({@link #PUBLIC_BASE_URL}) or the
 * simulation's stub.
 */
public final class TldrClient {
  /** The route template: the page name is user input and never becomes an attribute value. */
  public static final String PAGE_ENDPOINT = "/pages/{platform}/{name}.md";

  /** Where tldr-pages publishes its pages; the default when the bot connects to Discord. */
  public static final String PUBLIC_BASE_URL =
      "https://raw.githubusercontent.com/tldr-pages/tldr/main";

  // tldr page names are lower-case words joined by dashes; anything else cannot be a page and
  // must not reach the URL.
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.+_-]{0,63}");
  private static final Pattern PLATFORM = Pattern.compile("common|linux|osx|windows|android");

  private final ApiClient api;

  /**
   * @param api the client for the tldr service
   */
  public TldrClient(ApiClient api) {
    this.api = Objects.requireNonNull(api, "api");
  }

  /**
   * One page.
   *
   * @param platform {@code common}, {@code linux}, {@code osx}, {@code windows} or {@code android}
   * @param name the command the page describes, for example {@code tar}
   * @return the page's Markdown, or empty when there is no such page
   * @throws IllegalArgumentException when the platform or name cannot exist
   * @throws RateLimitedException when the service answered 429
   * @throws ApiException when it answered another error, or nothing
   */
  public Optional<String> fetchPage(String platform, String name) {
    if (!PLATFORM.matcher(platform).matches()) {
      throw new IllegalArgumentException("unknown tldr platform: " + platform);
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a tldr page name: " + name);
    }
    ApiResponse response =
        api.send(Method.GET, "/pages/" + platform + "/" + name + ".md", PAGE_ENDPOINT, null);
    if (response.isSuccess()) {
      return Optional.of(response.body());
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.isRateLimited()) {
      throw new RateLimitedException(api.service());
    }
    throw new ApiException(api.service(), response.statusCode(), "page " + platform + "/" + name);
  }
}
