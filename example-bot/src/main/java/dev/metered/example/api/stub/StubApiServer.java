package dev.metered.example.api.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the services the bot calls, on {@code 127.0.0.1} and an ephemeral port: tldr pages,
 * Discord's message route and Wolfram|Alpha's short answers.
 *
 * <p>Why a stub and not the real services: the example must run offline, and it must meet rate
 * limits, server errors and timeouts on a schedule, so that the bot's failure paths run (and record
 * metrics) on every run.
 *
 * <ul>
 *   <li>{@code GET /pages/{platform}/{name}.md}, the path tldr-pages' raw files have on GitHub: the
 *       page, or 404; or a fault the {@link FaultPlan} picks: 429, 500, 503, or a stall longer than
 *       the bot's timeout.
 *   <li>{@code POST /channels/{id}/messages}: 200; 403 for channels whose id ends in 3 (where the
 *       bot may not post); 429 for the first message to a channel whose id ends in 7, with
 *       Discord's {@code X-RateLimit-Reset-After}.
 *   <li>{@code GET /v1/result?appid=..&i=..}: a short answer, or 501 without a question.
 * </ul>
 *
 * <p>Every answer first waits as long as the {@link Latency} says, as a service across the internet
 * would.
 */
public final class StubApiServer implements AutoCloseable {
  private static final Pattern PAGE = Pattern.compile("/pages/([^/]+)/([^/]+)\\.md");
  private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages");

  private final HttpServer server;
  private final ExecutorService handlers;
  private final FaultPlan tldrFaults;
  private final Duration stall;
  private final Latency latency;
  private final Set<Long> rateLimitedChannels = ConcurrentHashMap.newKeySet();
  private volatile String lastAuthorization;

  private StubApiServer(
      HttpServer server,
      ExecutorService handlers,
      FaultPlan tldrFaults,
      Duration stall,
      Latency latency) {
    this.server = server;
    this.handlers = handlers;
    this.tldrFaults = tldrFaults;
    this.stall = stall;
    this.latency = latency;
  }

  /**
   * Starts the stub, answering at once.
   *
   * @param tldrFaults which tldr requests fail, and how
   * @param stall how long a {@link Fault#STALL} holds its answer back
   * @return the running stub; close it to stop it
   * @throws IOException if it cannot bind
   */
  public static StubApiServer start(FaultPlan tldrFaults, Duration stall) throws IOException {
    return start(tldrFaults, stall, Latency.none());
  }

  /**
   * Starts the stub.
   *
   * @param tldrFaults which tldr requests fail, and how
   * @param stall how long a {@link Fault#STALL} holds its answer back
   * @param latency how long each answer takes
   * @return the running stub; close it to stop it
   * @throws IOException if it cannot bind
   */
  public static StubApiServer start(FaultPlan tldrFaults, Duration stall, Latency latency)
      throws IOException {
    Objects.requireNonNull(tldrFaults, "tldrFaults");
    Objects.requireNonNull(stall, "stall");
    Objects.requireNonNull(latency, "latency");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    AtomicInteger threadNumber = new AtomicInteger();
    // Several threads: a stalled or slow answer must not hold up the requests behind it.
    ExecutorService handlers =
        Executors.newFixedThreadPool(
            8,
            runnable -> {
              Thread thread = new Thread(runnable, "stub-api-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    StubApiServer stub = new StubApiServer(server, handlers, tldrFaults, stall, latency);
    server.createContext("/pages/", stub::tldr);
    server.createContext("/channels/", stub::discord);
    server.createContext("/v1/result", stub::wolfram);
    server.setExecutor(handlers);
    server.start();
    return stub;
  }

  /**
   * Where the stub listens.
   *
   * @return for example {@code http://127.0.0.1:54321}
   */
  public URI baseUri() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  /**
   * The {@code Authorization} header of the last request to the Discord route, so that a test can
   * see the bot token travel.
   *
   * @return the header, or empty when there was none
   */
  public Optional<String> lastAuthorization() {
    return Optional.ofNullable(lastAuthorization);
  }

  private void tldr(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!pause(latency.next())) {
        return;
      }
      Matcher path = PAGE.matcher(exchange.getRequestURI().getPath());
      if (!"GET".equals(exchange.getRequestMethod()) || !path.matches()) {
        respond(exchange, 404, "text/plain", "not found");
        return;
      }
      Fault fault;
      synchronized (tldrFaults) {
        fault = tldrFaults.next();
      }
      switch (fault) {
        case RATE_LIMITED -> {
          exchange.getResponseHeaders().add("Retry-After", "1");
          respond(exchange, 429, "text/plain", "too many requests");
        }
        case SERVER_ERROR -> respond(exchange, 503, "text/plain", "service unavailable");
        case INTERNAL_ERROR -> respond(exchange, 500, "text/plain", "internal server error");
        case STALL -> {
          if (pause(stall)) {
            servePage(exchange, path.group(1), path.group(2));
          }
        }
        case NONE -> servePage(exchange, path.group(1), path.group(2));
      }
    }
  }

  private void servePage(HttpExchange exchange, String platform, String name) throws IOException {
    Optional<String> page = TldrPages.find(platform, name);
    if (page.isPresent()) {
      respond(exchange, 200, "text/markdown; charset=utf-8", page.get());
    } else {
      respond(exchange, 404, "text/plain", "no such page");
    }
  }

  private void discord(HttpExchange exchange) throws IOException {
    try (exchange) {
      drain(exchange);
      lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!pause(latency.next())) {
        return;
      }
      Matcher path = MESSAGES.matcher(exchange.getRequestURI().getPath());
      if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
        respond(exchange, 404, "application/json", "{\"message\":\"404: Not Found\",\"code\":0}");
        return;
      }
      long channelId = Long.parseLong(path.group(1));
      if (channelId % 10 == 3) {
        respond(
            exchange,
            403,
            "application/json",
            "{\"message\":\"Missing Permissions\",\"code\":50013}");
      } else if (channelId % 10 == 7 && rateLimitedChannels.add(channelId)) {
        exchange.getResponseHeaders().add("X-RateLimit-Reset-After", "0.05");
        respond(
            exchange,
            429,
            "application/json",
            "{\"message\":\"You are being rate limited.\",\"retry_after\":0.05,\"global\":false}");
      } else {
        respond(
            exchange,
            200,
            "application/json",
            "{\"id\":\"1\",\"channel_id\":\"" + channelId + "\"}");
      }
    }
  }

  private void wolfram(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!pause(latency.next())) {
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      if (query == null || !query.contains("i=") || query.endsWith("i=")) {
        respond(exchange, 501, "text/plain", "No short answer available");
      } else {
        respond(exchange, 200, "text/plain", "42");
      }
    }
  }

  /** Sleeps for {@code duration}; {@code false} when interrupted because the stub is closing. */
  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void drain(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
    }
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      // The client gave up first (its timeout after a stall): nobody is left to answer.
    }
  }

  /** Stops listening and ends the handler threads, a stalled one included. */
  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
