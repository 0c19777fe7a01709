package dev.metered.example.api;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the services the bot calls are. An empty endpoint is served by the local stub, which the
 * bot then starts on 127.0.0.1: the simulation uses the stub for all three, a bot connected to
 * Discord the real services.
 *
 * @param tldr the tldr-pages base URL
 * @param discord Discord's REST API base URL
 * @param wolfram Wolfram|Alpha's base URL
 * @param discordToken the bot token sent to Discord's REST API as {@code Authorization: Bot ...}
 */
public record ServiceEndpoints(
    Optional<URI> tldr,
    Optional<URI> discord,
    Optional<URI> wolfram,
    Optional<String> discordToken) {

  /** Discord's REST API, version 10. */
  public static final URI DISCORD_API = URI.create("https://discord.com/api/v10");

  /** Wolfram|Alpha's API host. */
  public static final URI WOLFRAM_API = URI.create("https://api.wolframalpha.com");

  /** Checks the fields. */
  public ServiceEndpoints {
    Objects.requireNonNull(tldr, "tldr");
    Objects.requireNonNull(discord, "discord");
    Objects.requireNonNull(wolfram, "wolfram");
    Objects.requireNonNull(discordToken, "discordToken");
  }

  /**
   * Every service on the local stub.
   *
   * @return the endpoints
   */
  public static ServiceEndpoints stub() {
    return new ServiceEndpoints(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The real services, for a bot connected to Discord.
   *
   * @param tldr the tldr-pages base URL
   * @param discordToken the bot token
   * @return the endpoints
   */
  public static ServiceEndpoints live(URI tldr, String discordToken) {
    return new ServiceEndpoints(
        Optional.of(tldr),
        Optional.of(DISCORD_API),
        Optional.of(WOLFRAM_API),
        Optional.of(discordToken));
  }

  /**
   * This with another tldr base URL.
   *
   * @param base the base URL
   * @return the endpoints
   */
  public ServiceEndpoints withTldr(URI base) {
    return new ServiceEndpoints(Optional.of(base), discord, wolfram, discordToken);
  }

  /**
   * Whether any service is on the stub.
   *
   * @return {@code true} when the bot must start the stub
   */
  public boolean needsStub() {
    return tldr.isEmpty() || discord.isEmpty() || wolfram.isEmpty();
  }

  /** Leaves the token out. */
  @Override
  public String toString() {
    return "ServiceEndpoints[tldr="
        + tldr.map(URI::toString).orElse("stub")
        + ", discord="
        + discord.map(URI::toString).orElse("stub")
        + ", wolfram="
        + wolfram.map(URI::toString).orElse("stub")
        + "]";
  }
}
