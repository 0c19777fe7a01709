package dev.metered.processor.generate;

import com.squareup.javapoet.CodeBlock;

/**
 * A Java string literal of any text, in ASCII, for text that comes from the schema or the
 * user's annotations.
 *
 * <p>Not JavaPoet's {@code $S}: JavaPoet 1.13 leaves U+2028 and U+2029 in the literal and then
 * breaks its output lines at them, which ends the literal in the middle ("unclosed string
 * literal"). Here every character that is not printable ASCII is a unicode escape, which javac
 * reads back as exactly that character, a lone surrogate included, in any {@code -encoding}.
 */
final class StringLiteral {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private StringLiteral() {}

  /** The literal of {@code text}, as a code block. */
  static CodeBlock of(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        // javac 17 misreads "\\" after the unicode escape of a lone high surrogate as the start of
        // another escape; the octal escape of a backslash reads the same and is not misread.
        case '\\' -> out.append(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? "\\134" : "\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            // Control characters too: a unicode escape of \n would end the literal, so those
            // four have their own escapes above, and the others cannot.
            appendUnicodeEscape(c, out);
          }
        }
      }
    }
    return CodeBlock.of("$L", out.append('"').toString());
  }

  /** Appends {@code c} as a unicode escape, for example {@code \}{@code u00e9}. */
  static void appendUnicodeEscape(char c, StringBuilder out) {
    out.append('\\').append('u')
        .append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf]).append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
  }
}
