package dev.metered.processor.model;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * How schema names become Java names. The rules are deterministic and documented in
 * docs/schema.md, because users type the results.
 */
public final class JavaNames {
  private JavaNames() {}

  /** {@code command_type} becomes {@code CommandType}. */
  public static String typeName(String key) {
    StringBuilder name = new StringBuilder();
    for (String part : key.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return safe(name.toString());
  }

  /** {@code command_type} becomes {@code commandType}. */
  public static String memberName(String key) {
    String type = typeName(key);
    String member = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    return SourceVersion.isKeyword(member) ? member + "_" : member;
  }

  /**
   * An enum constant for a wire value: upper case, characters other than letters, digits and
   * {@code _} become {@code _}, and a leading digit gets a {@code _} before it: {@code slash}
   * becomes {@code SLASH}, {@code 2xx} becomes {@code _2XX}, {@code text/html} becomes {@code
   * TEXT_HTML}.
   */
  public static String constantName(String wireValue) {
    String upper = wireValue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (upper.isEmpty() || Character.isDigit(upper.charAt(0))) {
      upper = "_" + upper;
    }
    return upper;
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

  /** {@code name}, with {@code _} in front until it is a Java name: never empty, a keyword or {@code _}. */
  private static String safe(String name) {
    String safe = name;
    while (!SourceVersion.isName(safe)) {
      safe = "_" + safe;
    }
    return safe;
  }
}
