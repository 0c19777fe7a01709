package dev.metered.processor.generate;

import java.util.regex.Pattern;

/**
 * Text from the schema made into a cell of a Markdown table that shows that text: it cannot end
 * the cell or the row, open a code span, or start HTML.
 */
final class MarkdownText {
  /** Text a code span shows verbatim, also inside a table. */
  private static final Pattern PLAIN_CODE = Pattern.compile("[A-Za-z0-9_.:,=+\\-/ ]+");

  private MarkdownText() {}

  /** {@code text} as prose in a table cell. */
  static String of(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '|' -> out.append("\\|");
        case '`' -> out.append("\\`");
        case '<' -> out.append("&lt;");
        case '&' -> out.append("&amp;");
        default -> out.append(shown(text, i));
      }
    }
    return out.toString();
  }

  /** {@code text} shown as code: a code span when that shows it verbatim, else {@code <code>}. */
  static String code(String text) {
    if (PLAIN_CODE.matcher(text).matches()) {
      return "`" + text + "`";
    }
    StringBuilder out = new StringBuilder("<code>");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ') {
        // Punctuation as character references: none of it is Markdown or HTML any more.
        out.append("&#").append((int) c).append(';');
      } else {
        out.append(shown(text, i));
      }
    }
    return out.append("</code>").toString();
  }

  /** The character at {@code i} as a cell can hold it: a line break becomes a space. */
  private static String shown(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085' || c == '\t') {
      return " ";
    }
    if (Character.isISOControl(c) || Surrogates.isLone(text, i)) {
      return "\uFFFD";
    }
    return String.valueOf(c);
  }
}
