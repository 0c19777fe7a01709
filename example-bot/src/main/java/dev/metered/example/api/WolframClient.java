package dev.metered.example.api;

import dev.metered.example.metrics.ApiMetrics.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Asks Wolfram|Alpha's Short Answers API a question. */
public final class WolframClient {
  /** The route; the question and the app id travel in the query string, not in the attribute. */
  public static final String RESULT_ENDPOINT = "/v1/result";

  private final ApiClient api;
  private final String appId;

  /**
   * @param api the client for the Wolfram service
   * @param appId the application id Wolfram issued
   */
  public WolframClient(ApiClient api, String appId) {
    this.api = Objects.requireNonNull(api, "api");
    this.appId = Objects.requireNonNull(appId, "appId");
  }

  /**
   * The short answer to {@code question}.
   *
   * @param question the question, in plain English
   * @return the answer
   * @throws RateLimitedException when the service answered 429
   * @throws ApiException when it answered another error (501: no short answer), or nothing
   */
  public String shortAnswer(String question) {
    String path =
        RESULT_ENDPOINT
            + "?appid="
            + URLEncoder.encode(appId, StandardCharsets.UTF_8)
            + "&i="
            + URLEncoder.encode(question, StandardCharsets.UTF_8);
    ApiResponse response = api.send(Method.GET, path, RESULT_ENDPOINT, null);
    if (response.isRateLimited()) {
      throw new RateLimitedException(api.service());
    }
    if (!response.isSuccess()) {
      throw new ApiException(api.service(), response.statusCode(), "no short answer");
    }
    return response.body();
  }
}
