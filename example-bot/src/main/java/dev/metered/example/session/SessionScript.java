package dev.metered.example.session;

import dev.metered.example.gateway.GatewayEvent;
import dev.metered.example.gateway.Message;
import dev.metered.example.gateway.SlashCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the gateway traffic of a scripted session from a seed: a plausible mix of commands, typed
 * with the right prefix or used as slash commands, with the mistakes users make (a bad delay, a
 * message too long for the database, a command that does not exist) and the odd dropped database
 * connection.
 *
 * <p>Everything random comes from one {@link Random} with the given seed, drawn in a fixed order,
 * so a seed always gives the same script.
 */
public final class SessionScript {
  /** Prefixes the session configures; guilds 4 and 5 keep the default. */
  public static final Map<Long, String> GUILD_PREFIXES = Map.of(1L, "!", 2L, "?", 3L, "$");

  /** The user who owns the bot in the session, and so may reload cogs. */
  public static final long OWNER_ID = 1;

  private static final int GUILDS = 5;
  private static final int USERS = 12;

  /**
   * The last digit of a channel id decides how the stub Discord treats messages to it: 3 is
   * forbidden, 7 is rate limited once; the others accept.
   */
  private static final int[] CHANNEL_SUFFIXES = {1, 2, 4, 5, 3, 7};

  private static final String[] PAGES = {
    "tar", "git", "ls", "curl", "ssh", "grep", "docker", "tar", "git", "fzf"
  };
  private static final String[] LINUX_PAGES = {"apt", "systemctl"};
  private static final String[] NOTES = {
    "stretch", "drink water", "check the build", "review the PR", "call back", "take a break"
  };

  private SessionScript() {}

  /**
   * Writes a script.
   *
   * @param seed the seed
   * @param steps how many steps
   * @return the steps
   */
  public static List<ScriptStep> write(long seed, int steps) {
    Random random = new Random(seed);
    List<ScriptStep> script = new ArrayList<>(steps);
    for (int i = 0; i < steps; i++) {
      GatewayEvent event = event(random);
      script.add(new ScriptStep(event, databaseFailures(random)));
    }
    plantIncidents(script);
    return script;
  }

  /**
   * Puts the incidents every session must contain at evenly spread places, so that each failure
   * path (and each failure metric) shows up whatever the seed.
   */
  private static void plantIncidents(List<ScriptStep> script) {
    List<ScriptStep> incidents =
        List.of(
            // Channel ...3: the bot may not post there, so the reminder's delivery task fails.
            new ScriptStep(new Message(1, 103, 7, "!remind 80ms check the deploy"), 0),
            // Channel ...7: Discord rate-limits the first message; the client waits and resends.
            new ScriptStep(new Message(2, 207, 8, "?remind 60ms stand up"), 0),
            // Too long for reminders.message: a permanent database error, not retried.
            new ScriptStep(
                new Message(3, 301, 9, "$remind 100ms " + "remember ".repeat(30).trim()), 0),
            // Four dropped connections, one more than the retries: storing the usage count fails
            // for good, while the command itself succeeds.
            new ScriptStep(new SlashCommand(4, 402, 10, "ping", List.of()), 4),
            // A missing argument: the command fails with the user's mistake.
            new ScriptStep(new SlashCommand(5, 501, 11, "tldr", List.of()), 0),
            // The owner reloads a cog, as after deploying a fix to it.
            new ScriptStep(new Message(1, 101, OWNER_ID, "!reload tldr"), 0));
    if (script.size() <= incidents.size()) {
      return;
    }
    for (int i = 0; i < incidents.size(); i++) {
      script.set((i + 1) * script.size() / (incidents.size() + 1), incidents.get(i));
    }
  }

  private static GatewayEvent event(Random random) {
    long guild = 1 + random.nextInt(GUILDS);
    long channel = guild * 100 + CHANNEL_SUFFIXES[random.nextInt(CHANNEL_SUFFIXES.length)];
    long user = 1 + random.nextInt(USERS);
    String prefix = GUILD_PREFIXES.getOrDefault(guild, "!");
    double kind = random.nextDouble();
    boolean slash = random.nextBoolean();
    if (kind < 0.22) {
      return slash
          ? new SlashCommand(guild, channel, user, "ping", List.of())
          : new Message(guild, channel, user, prefix + "ping");
    }
    if (kind < 0.52) {
      List<String> args =
          random.nextDouble() < 0.15
              ? List.of(LINUX_PAGES[random.nextInt(LINUX_PAGES.length)], "linux")
              : List.of(PAGES[random.nextInt(PAGES.length)]);
      return slash
          ? new SlashCommand(guild, channel, user, "tldr", args)
          : new Message(guild, channel, user, prefix + "tldr " + String.join(" ", args));
    }
    if (kind < 0.64) {
      return new SlashCommand(guild, channel, user, "info", List.of());
    }
    if (kind < 0.84) {
      return new Message(
          guild, channel, user, prefix + "remind " + delay(random) + " " + note(random));
    }
    if (kind < 0.94) {
      return new Message(guild, channel, user, prefix + "stats");
    }
    // Noise: chatter, an unknown command, and a slash-only command typed as a message.
    String[] noise = {"hello everyone", prefix + "ban @someone", prefix + "info"};
    return new Message(guild, channel, user, noise[random.nextInt(noise.length)]);
  }

  private static String delay(Random random) {
    // Mostly valid, sometimes what users really type.
    return random.nextDouble() < 0.15 ? "soon" : (50 + random.nextInt(550)) + "ms";
  }

  private static String note(Random random) {
    // Now and then a message longer than the reminders.message column (200 characters).
    return random.nextDouble() < 0.10
        ? "remember ".repeat(30).trim()
        : NOTES[random.nextInt(NOTES.length)];
  }

  private static int databaseFailures(Random random) {
    double draw = random.nextDouble();
    if (draw < 0.05) {
      return 1;
    }
    if (draw < 0.08) {
      return 2;
    }
    if (draw < 0.095) {
      // More than the retry policy's three retries: the operation fails for good.
      return 4;
    }
    return 0;
  }
}
