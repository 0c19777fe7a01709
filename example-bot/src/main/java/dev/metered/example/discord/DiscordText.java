package dev.metered.example.discord;

/** Fits a reply into one Discord message. */
public final class DiscordText {
  /** The most characters one Discord message may hold. */
  public static final int MAX_LENGTH = 2000;

  private static final String CUT = "\n…";

  private DiscordText() {}

  /**
   * The reply as one message: unchanged when it fits, else cut at the last line break that fits (or
   * hard at the limit) and marked with an ellipsis. A long tldr page loses its last examples, not
   * half a line.
   *
   * @param text the reply
   * @return at most {@link #MAX_LENGTH} characters; a blank reply becomes a single dash, because
   *     Discord refuses empty messages
   */
  public static String fit(String text) {
    if (text.isBlank()) {
      return "-";
    }
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int room = MAX_LENGTH - CUT.length();
    int lineBreak = text.lastIndexOf('\n', room);
    int end = lineBreak > room / 2 ? lineBreak : room;
    return text.substring(0, end) + CUT;
  }
}
