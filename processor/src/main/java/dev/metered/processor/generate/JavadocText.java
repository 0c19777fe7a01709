package dev.metered.processor.generate;

import java.util.regex.Pattern;

/**
 * Text from the schema or the user's annotations made into javadoc (or any comment) that reads
 * as that text and can do nothing else: it cannot end the comment, start a tag, or reach javac
 * as a unicode escape.
 *
 * <p>javac translates {@code \}{@code u} escapes before it looks for the end of a comment, so
 * the output holds no backslash at all; it also holds no {@code *}{@code /}, no {@code @} (a
 * block tag at a line's start, an inline tag after a brace), no HTML markup and no line
 * terminator but {@code \n}, which JavaPoet continues with the comment's prefix. Everything
 * else is kept; what javadoc would show differently is written as an HTML character reference.
 */
final class JavadocText {
  /** Text shown as code verbatim: {@code {@code ...}} is enough, and easier to read in the source. */
  private static final Pattern PLAIN_CODE = Pattern.compile("[A-Za-z0-9_.:,=+\\-/ ]*");

  private JavadocText() {}

  /** {@code text} as javadoc prose. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        // A star that a slash could follow, here or in the text around this one.
        case '*' -> out.append(i + 1 == text.length() || text.charAt(i + 1) == '/' ? "&#42;" : "*");
        case '\r' -> {
          out.append('\n');
          if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        case '\n', '\u2028', '\u2029', '\u0085' -> out.append('\n');
        case '\t' -> out.append(' ');
        default -> {
          if (Surrogates.isLone(text, i)) {
            out.append('\uFFFD'); // half a character: no text to keep
          } else if (Character.isISOControl(c)) {
            out.append("&#x").append(Integer.toHexString(c)).append(';');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code text} shown as code: {@code {@code text}} when that shows it verbatim, else {@code <code>}. */
  static String code(String text) {
    if (PLAIN_CODE.matcher(text).matches()) {
      return "{@code " + text + "}";
    }
    return "<code>" + of(text) + "</code>";
  }
}
