package dev.metered.processor.generate;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes ordered maps, lists, strings, numbers, booleans and nulls as JSON with two-space
 * indentation. Keys stay in insertion order, so that the catalog diffs cleanly between builds.
 */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, 0, out);
    return out.append('\n').toString();
  }

  private static void write(Object value, int depth, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      writeEntries(map.entrySet().iterator(), '{', '}', depth, out, true);
    } else if (value instanceof List<?> list) {
      writeEntries(list.iterator(), '[', ']', depth, out, false);
    } else if (value instanceof String text) {
      string(text, out);
    } else {
      out.append(value); // numbers, booleans, null
    }
  }

  private static void writeEntries(Iterator<?> items, char open, char close, int depth, StringBuilder out, boolean keyed) {
    out.append(open);
    if (!items.hasNext()) {
      out.append(close);
      return;
    }
    while (items.hasNext()) {
      Object item = items.next();
      out.append('\n').append("  ".repeat(depth + 1));
      if (keyed) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) item;
        string(String.valueOf(entry.getKey()), out);
        out.append(": ");
        write(entry.getValue(), depth + 1, out);
      } else {
        write(item, depth + 1, out);
      }
      if (items.hasNext()) {
        out.append(',');
      }
    }
    out.append('\n').append("  ".repeat(depth)).append(close);
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    int plain = 0; // the start of the characters not yet appended, which need no escape
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        continue; // printable ASCII, nearly all of a catalog
      }
      String escape = escape(text, i);
      if (escape != null) {
        out.append(text, plain, i).append(escape);
        plain = i + 1;
      }
    }
    out.append(text, plain, text.length()).append('"');
  }

  /** What the char at {@code i} is written as, or {@code null} when it is written as it is. */
  private static String escape(String text, int i) {
    char c = text.charAt(i);
    return switch (c) {
      case '"' -> "\\\"";
      case '\\' -> "\\\\";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      default -> c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c) && Surrogates.isLone(text, i)
          // A lone surrogate has no UTF-8 form: escaped, it survives exactly, as JSON allows.
          ? String.format(Locale.ROOT, "\\u%04x", (int) c)
          : null;
    };
  }
}
