package dev.metered.processor.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * How schema names become Java names. The rules are deterministic and documented in
 * docs/schema.md, because users type the results.
 *
 * <p>Every name is ASCII, whatever the source file encoding. A letter with accents loses them
 * ({@code é} is {@code e}); a letter or digit with no ASCII form becomes {@code U} and its code
 * point in hex ({@code 中} is {@code U4E2D}), so that no two such letters give one name.
 */
public final class JavaNames {
  // Names are made with plain character loops rather than regular expressions: the processor's
  // code runs cold in every compilation, and there a regex engine costs several times a loop.
  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

  private JavaNames() {}

  /** {@code command_type} becomes {@code CommandType}. */
  public static String typeName(String key) {
    String ascii = ascii(key);
    StringBuilder name = new StringBuilder(ascii.length());
    boolean partStarts = true; // a part is a run of letters and digits
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      if (isAsciiLetterOrDigit(c)) {
        name.append(partStarts ? Character.toUpperCase(c) : c);
        partStarts = false;
      } else {
        partStarts = true;
      }
    }
    return safe(name.toString());
  }

  /** {@code command_type} becomes {@code commandType}; a keyword gets a {@code _} after it. */
  public static String memberName(String key) {
    String type = typeName(key);
    String member = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    return SourceVersion.isKeyword(member) ? member + "_" : member;
  }

  /**
   * An enum constant for a wire value: upper case, characters other than letters, digits and
   * {@code _} become {@code _}, and a leading digit gets a {@code _} before it: {@code slash}
   * becomes {@code SLASH}, {@code 2xx} becomes {@code _2XX}, {@code text/html} becomes {@code
   * TEXT_HTML}, {@code café} becomes {@code CAFE}. A value with no letter or digit gets {@code
   * VALUE} before it ({@code -} becomes {@code VALUE_}, the empty value {@code VALUE}), since
   * {@code _} alone is a keyword.
   */
  public static String constantName(String wireValue) {
    String ascii = ascii(wireValue.toUpperCase(Locale.ROOT));
    StringBuilder constant = new StringBuilder(ascii.length());
    boolean onlyUnderscores = true;
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      boolean kept = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      constant.append(kept ? c : '_');
      onlyUnderscores &= !kept;
    }
    String upper = constant.toString();
    if (onlyUnderscores) {
      return "VALUE" + upper;
    }
    return Character.isDigit(upper.charAt(0)) ? "_" + upper : upper;
  }

  /**
   * The constant for a metric name: the segments after the namespace and the family, joined by
   * {@code _}: {@code bot.database.operation.count} in family {@code database} becomes {@code
   * OPERATION_COUNT}.
   */
  public static String metricConstant(String metricName, String namespace, String family) {
    String rest = metricName;
    if (rest.startsWith(namespace + ".")) {
      rest = rest.substring(namespace.length() + 1);
    }
    if (rest.startsWith(family + ".")) {
      rest = rest.substring(family.length() + 1);
    }
    return constantName(rest.replace('.', '_'));
  }

  /**
   * Whether {@code javaPackage} is {@code java} or in it: the JVM defines no class of a {@code
   * java} package but the platform's own.
   */
  public static boolean isPlatformPackage(String javaPackage) {
    return javaPackage.equals("java") || javaPackage.startsWith("java.");
  }

  /**
   * {@code text} in ASCII: accents dropped, a letter or digit with no ASCII form replaced by
   * {@code U} and its code point in upper-case hex, any other character by {@code _}.
   */
  private static String ascii(String text) {
    if (isAscii(text)) {
      return text; // NFKD leaves ASCII as it is; skipping it spares loading the Unicode tables
    }
    String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    StringBuilder out = new StringBuilder(decomposed.length());
    decomposed.codePoints().forEach(codePoint -> {
      if (codePoint < 0x80) {
        out.appendCodePoint(codePoint);
      } else if (Character.isLetterOrDigit(codePoint)) {
        out.append('U').append(Integer.toHexString(codePoint).toUpperCase(Locale.ROOT));
      } else {
        out.append('_');
      }
    });
    return out.toString();
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code name} as javac takes it: never empty ({@code Unnamed}), and with {@code _} in front
   * until it is a Java name, so never a keyword, {@code _} alone or starting with a digit.
   */
  private static String safe(String name) {
    String safe = name.isEmpty() ? "Unnamed" : name;
    while (!SourceVersion.isName(safe)) {
      safe = "_" + safe;
    }
    return safe;
  }
}
