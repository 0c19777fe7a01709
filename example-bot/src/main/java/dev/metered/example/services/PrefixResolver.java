package dev.metered.example.services;

import dev.metered.example.cache.MeteredCache;
import dev.metered.example.db.DatabaseException;
import dev.metered.example.db.GuildConfigRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds a guild's command prefix: from the prefix cache, else from {@code guild_config}, else the
 * default.
 *
 * <p>Every message the bot sees needs this lookup, so it is the bot's hottest path: the cache in
 * front of the database is what keeps it cheap, and its hit rate is the number to watch.
 */
public final class PrefixResolver {
  /** The prefix of guilds that did not choose one. */
  public static final String DEFAULT_PREFIX = "!";

  private final MeteredCache<Long, String> cache;
  private final GuildConfigRepository guildConfig;

  /**
   * @param cache the prefix cache, by guild id
   * @param guildConfig where configured prefixes are stored
   */
  public PrefixResolver(MeteredCache<Long, String> cache, GuildConfigRepository guildConfig) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.guildConfig = Objects.requireNonNull(guildConfig, "guildConfig");
  }

  /**
   * The guild's prefix.
   *
   * @param guildId the guild
   * @return its prefix, {@link #DEFAULT_PREFIX} when it has none
   */
  public String prefixFor(long guildId) {
    Optional<String> cached = cache.get(guildId);
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      String prefix = guildConfig.findPrefix(guildId).orElse(DEFAULT_PREFIX);
      cache.put(guildId, prefix);
      return prefix;
    } catch (DatabaseException unavailable) {
      // A database outage must not make the bot deaf: answer with the default for now, and do
      // not cache it, so the guild's own prefix is looked up again on its next message. The
      // failure is already recorded as a failed database operation.
      return DEFAULT_PREFIX;
    }
  }

  /**
   * Sets the guild's prefix.
   *
   * @param guildId the guild
   * @param prefix the new prefix
   */
  public void setPrefix(long guildId, String prefix) {
    guildConfig.savePrefix(guildId, prefix);
    cache.put(guildId, prefix);
  }
}
