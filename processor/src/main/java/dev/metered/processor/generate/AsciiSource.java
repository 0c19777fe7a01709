package dev.metered.processor.generate;

import com.squareup.javapoet.JavaFile;

/**
 * A generated Java file as pure ASCII: every other character written as a unicode escape,
 * which javac reads back as exactly that character in any {@code -encoding}.
 *
 * <p>Written through the {@code Filer}, a source is encoded in the compilation's encoding, and
 * a character that encoding cannot hold (a lone surrogate always, {@code é} in US-ASCII)
 * silently becomes {@code ?}: a string literal, a wire value, would change. Escaped, it cannot.
 * A unicode escape counts only after an even number of backslashes: {@link StringLiteral} writes
 * literals in ASCII already and {@link JavadocText} leaves no backslash in comments, so every
 * escape written here is one: what is left to escape is prose and the user's own identifiers.
 */
public final class AsciiSource {
  private AsciiSource() {}

  /** The source of {@code file}, in ASCII. */
  public static String of(JavaFile file) {
    return escape(file.toString());
  }

  static String escape(String source) {
    StringBuilder out = null;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c < 0x80) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(source.length() + 64).append(source, 0, i);
      }
      StringLiteral.appendUnicodeEscape(c, out);
    }
    return out == null ? source : out.toString();
  }
}
