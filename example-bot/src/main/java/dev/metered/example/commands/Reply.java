package dev.metered.example.commands;

import java.util.Objects;

/**
 * What the bot answers to one command invocation.
 *
 * @param success whether the command succeeded
 * @param text the answer's text
 */
public record Reply(boolean success, String text) {

  /** Checks the text. */
  public Reply {
    Objects.requireNonNull(text, "text");
  }

  /**
   * A successful answer.
   *
   * @param text the text
   * @return the reply
   */
  public static Reply ok(String text) {
    return new Reply(true, text);
  }

  /**
   * An answer to a command that failed.
   *
   * @param text what to tell the user
   * @return the reply
   */
  public static Reply failed(String text) {
    return new Reply(false, text);
  }
}
