package dev.metered.processor.diagnostic;

/**
 * Text from an input file as messages quote it: at most its first line, cut to a length a
 * terminal shows on one line. A file named by mistake (a password file, a binary) must not be
 * echoed into the build log.
 */
public final class Excerpt {
  /** The most characters of input text a message quotes. */
  public static final int MAX_CHARACTERS = 80;

  private static final String MORE = "...";

  private Excerpt() {}

  /** {@code text} up to its first line break, at most {@link #MAX_CHARACTERS} code points. */
  public static String of(String text) {
    int end = firstLineBreak(text);
    String line = text.substring(0, end);
    if (line.codePointCount(0, line.length()) > MAX_CHARACTERS) {
      return line.substring(0, line.offsetByCodePoints(0, MAX_CHARACTERS)) + MORE;
    }
    return end < text.length() ? line + MORE : line;
  }

  /** {@link #of} of a line known to continue on the next, marked as cut. */
  public static String ofFirstLine(String line) {
    String shown = of(line);
    return shown.endsWith(MORE) ? shown : shown + MORE;
  }

  private static int firstLineBreak(String text) {
    for (int i = 0; i < text.length(); i++) {
      switch (text.charAt(i)) {
        case '\n', '\r', '\u0085', '\u2028', '\u2029' -> {
          return i;
        }
        default -> { }
      }
    }
    return text.length();
  }
}
