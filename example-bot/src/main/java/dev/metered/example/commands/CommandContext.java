package dev.metered.example.commands;

import dev.metered.example.metrics.CommandMetrics.CommandType;
import java.util.List;
import java.util.Objects;

/**
 * One invocation of a command, as its handler sees it.
 *
 * @param guildId the guild it was invoked in
 * @param channelId the channel
 * @param userId who invoked it
 * @param args the arguments after the command's name
 * @param type how it was invoked
 */
public record CommandContext(
    long guildId, long channelId, long userId, List<String> args, CommandType type) {

  /** Copies the arguments. */
  public CommandContext {
    args = List.copyOf(args);
    Objects.requireNonNull(type, "type");
  }

  /**
   * A required argument.
   *
   * @param index its position
   * @param usage what to tell the user when it is missing
   * @return the argument
   * @throws IllegalArgumentException when it is missing
   */
  public String requireArg(int index, String usage) {
    if (index >= args.size()) {
      throw new IllegalArgumentException("usage: " + usage);
    }
    return args.get(index);
  }

  /**
   * An optional argument.
   *
   * @param index its position
   * @param fallback the value when it is missing
   * @return the argument or {@code fallback}
   */
  public String argOr(int index, String fallback) {
    return index < args.size() ? args.get(index) : fallback;
  }

  /**
   * The arguments from {@code index} on, joined by spaces: free text such as a reminder's message.
   *
   * @param index the first argument to join
   * @param usage what to tell the user when there is none
   * @return the text
   * @throws IllegalArgumentException when there is none
   */
  public String requireRest(int index, String usage) {
    if (index >= args.size()) {
      throw new IllegalArgumentException("usage: " + usage);
    }
    return String.join(" ", args.subList(index, args.size()));
  }
}
