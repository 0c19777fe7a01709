package dev.metered.processor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Draws one to three mutations from a seeded random source. */
final class SchemaMutator {
  /** How the operations of {@link #hostile} begin. */
  static final String HOSTILE = "[java] ";

  private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([^\\s:#\\-][^:#]*?):(?:(\\s+)(.*))?$");
  private static final String[] UNICODE = {
      "é", "ü", "ß", "Ω", "\u00A0", "\u200B", "\u200F", "\u202E", "\uFEFF", "\u0301", "а", "中", "😀", "\uFFFD", "ｂ"};
  private static final String[] CONTROL = {
      "\u0000", "\u0001", "\u0007", "\b", "\u000B", "\f", "\u001B", "\u007F", "\r", "\r\n", "\u0085", "\u2028", "\u2029"};
  private static final String[] VALUES = {
      "ms", "s", "By", "second", "seconds", "none", "percent", "byte", "week", "fortnight", "counter", "distribution",
      "gauge", "histogram", "enum", "string", "boolean", "integer", "double", "float", "duration", "success", "size",
      "retry_count", "command", "operation", "lookup", "0", "-1", "1", "3", "100000", "2147483647", "2147483648",
      "99999999999999999999", "1.5", "1e3", ".inf", ".nan", "0x10", "0o7", "+1", "true", "false", "True", "yes", "no",
      "on", "~", "null", "''", "\"\"", "'quoted'", "*alias", "&anchor x", "!!str 1", "!!binary AAAA", "!custom x",
      "|", ">", "? x", "- x", "%", "@x", "`x", "{}", "[]", "[a, b]", "{a: 1}", "{given: true}", "{above: 0}",
      "{abov: 0}", "{equals: ok}", "[success]", "[duration]", "bot.command.usage", "sentry", "otel", "user.id",
      "trace_id", "from_handlers", "MeteredCounterUnit"};
  private static final String[] KEYS = {
      "schema", "namespace", "package", "families", "lint", "description", "attributes", "inputs", "metrics", "type",
      "values", "from_handlers", "fallback", "max_length", "max_values", "optional", "default", "omit_when", "unit", "value",
      "defaults", "when", "above", "below", "given", "equals", "success", "duration", "error_type", "sentry.x",
      "user.id", "server.address", "trace_id", "span_id", "Command", "2fa", "x-y", "bot.command.usage",
      "bot.command.usage_total", "bot.api.latency_ms", "bot.cache.size.count", "usage", "series_budget",
      "MeteredCounterUnit", "<<", "~", "\"\"", "'a: b'"};
  private static final String[] LINT_ENTRIES = {
      "MeteredCounterUnit: off", "MeteredMissingDescription: error", "MeteredUnboundedAttribute: error",
      "MeteredMetricName: off", "MeteredNamespace: warning", "MeteredUnknownUnit: warning", "MeteredTimeUnit: off",
      "MeteredAttributeKey: off", "MeteredCardinality: error", "MeteredMetricSize: warning", "series_budget: 5",
      "series_budget: 1000000", "series_budget: 0", "series_budget: many", "MeteredCounterUnits: off",
      "MeteredCardinality: loud", "MeteredDuplicateName: off", "MeteredInconsistentAttribute: warning",
      "max_metric_bytes: 64", "MeteredUnitAlias: error"};

  /** Enum values that are no Java names, or that meet generated names or each other once made ones. */
  private static final String[] HOSTILE_VALUES = {
      "é", "café", "cafe", "_", "-", "''", "日本", "ß", "2xx", "true", "'null'", "class", "var", "record", "yield",
      "values", "valueOf", "wireValue", "GLOBAL", "Event", "\u0301"};
  /** Keys that are keywords, restricted names, non-ASCII, or the names of generated members. */
  private static final String[] HOSTILE_KEYS = {
      "class", "true", "null", "var", "record", "yield", "_x", "é", "中", "event", "emit", "wait", "global",
      "string", "objects", "attributes", "metric", "command_metrics", "success_given", "duration_given", "sink"};
  /** Packages javac refuses, or takes although they look odd. */
  private static final String[] HOSTILE_PACKAGES = {
      "java.lang", "java", "java.metrics", "javax.annotation.processing", "javax.metrics", "sun.misc",
      "org.w3c.dom", "a.true.b", "a._", "a.var.record", "a.2b", "dev.metered.runtime", "é.metrics"};
  /** Metric names whose constants meet the recorder's own. */
  private static final String[] HOSTILE_METRICS = {
      "global", "usage_metric", "usage_series", "success_true", "command_values", "command_type_values_or_absent",
      "event", "é", "2xx"};

  private final Random random;
  private final List<String> operations = new ArrayList<>();
  private List<String> lines;
  private byte[] badBytes;
  private int badOffset;

  SchemaMutator(String base, Random random) {
    this.random = random;
    this.lines = new ArrayList<>(List.of(base.split("\n", -1)));
  }

  MutationTest.Mutant mutate(int index, long seed) {
    int count = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      mutateOnce();
    }
    byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    if (badBytes != null) {
      int at = Math.min(badOffset, bytes.length);
      byte[] withBad = new byte[bytes.length + badBytes.length];
      System.arraycopy(bytes, 0, withBad, 0, at);
      System.arraycopy(badBytes, 0, withBad, at, badBytes.length);
      System.arraycopy(bytes, at, withBad, at + badBytes.length, bytes.length - at);
      bytes = withBad;
    }
    return new MutationTest.Mutant(index, seed, List.copyOf(operations), bytes);
  }

  private void mutateOnce() {
    int line = contentLine();
    switch (random.nextInt(26)) {
      case 0, 1 -> {
        op("delete line " + (line + 1));
        lines.remove(line);
      }
      case 2 -> {
        op("duplicate line " + (line + 1));
        lines.add(line + 1, lines.get(line));
      }
      case 3, 4 -> swapValues(line, contentLine());
      case 5 -> {
        int other = Math.max(0, Math.min(lines.size() - 1, line + random.nextInt(7) - 3));
        op("swap lines " + (line + 1) + " and " + (other + 1));
        Collections.swap(lines, line, other);
      }
      case 6 -> wrongNumber();
      case 7 -> replaceValue(line, random.nextBoolean() ? "[" + valueOf(line, "x") + ", other]" : "{" + valueOf(line, "x") + ": 1}", "a collection for a scalar");
      case 8, 9 -> replaceValue(line, pick(VALUES), "another value");
      case 10 -> insert(line, pick(UNICODE), "unicode");
      case 11 -> insert(line, pick(CONTROL), "a control character");
      case 12 -> longString(line);
      case 13 -> insert(line, pick(new String[] {"{", "[", "}", "]", "\"", "'", "{{", "]]"}), "an unbalanced bracket or quote");
      case 14 -> indent(line);
      case 15 -> tab(line);
      case 16 -> insert(line, pick(new String[] {":", ": ", " : ", "::"}), "a stray colon");
      case 17 -> truncate();
      case 18, 19 -> renameKey(line);
      case 20 -> invalidUtf8();
      case 21 -> structural(line);
      case 22 -> lint();
      case 23, 24 -> hostile(line);
      default -> bigNumber();
    }
  }

  private void op(String description) {
    operations.add(description);
  }

  private String pick(String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** A line that is neither blank nor a comment, when there is one. */
  private int contentLine() {
    for (int attempt = 0; attempt < 20; attempt++) {
      int line = random.nextInt(lines.size());
      String text = lines.get(line).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        return line;
      }
    }
    return random.nextInt(lines.size());
  }

  private String valueOf(int line, String fallback) {
    Matcher m = KEY_LINE.matcher(lines.get(line));
    return m.matches() && m.group(4) != null && !m.group(4).isEmpty() ? m.group(4) : fallback;
  }

  private void swapValues(int a, int b) {
    Matcher first = KEY_LINE.matcher(lines.get(a));
    Matcher second = KEY_LINE.matcher(lines.get(b));
    if (a == b || !first.matches() || !second.matches() || first.group(4) == null || second.group(4) == null) {
      op("swap lines " + (a + 1) + " and " + (b + 1));
      Collections.swap(lines, a, b);
      return;
    }
    op("swap the values of lines " + (a + 1) + " and " + (b + 1));
    lines.set(a, first.group(1) + first.group(2) + ":" + first.group(3) + second.group(4));
    lines.set(b, second.group(1) + second.group(2) + ":" + second.group(3) + first.group(4));
  }

  private void replaceValue(int line, String value, String what) {
    Matcher m = KEY_LINE.matcher(lines.get(line));
    if (!m.matches()) {
      insert(line, value, what);
      return;
    }
    op(what + " on line " + (line + 1) + ": " + MutationTest.abbreviate(value, 40));
    lines.set(line, m.group(1) + m.group(2) + ": " + value);
  }

  private void insert(int line, String text, String what) {
    String content = lines.get(line);
    int at = random.nextInt(content.length() + 1);
    op(what + " at " + (line + 1) + ":" + (at + 1) + " (" + escape(text) + ")");
    lines.set(line, content.substring(0, at) + text + content.substring(at));
  }

  private void wrongNumber() {
    List<Integer> numeric = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("\\s*[a-z_]+: -?\\d+\\s*")) {
        numeric.add(i);
      }
    }
    if (numeric.isEmpty()) {
      bigNumber();
      return;
    }
    int line = numeric.get(random.nextInt(numeric.size()));
    replaceValue(line, pick(new String[] {"many", "'10'", "\"100\"", "ten", "1.5", "-3", "0", "[100]", "{n: 1}", "~", "true"}),
        "a wrong type for a number");
  }

  private void bigNumber() {
    int line = contentLine();
    String key = pick(new String[] {"max_length", "max_values"});
    String value = pick(new String[] {"1", "1000", "100000", "2147483647"});
    Matcher m = KEY_LINE.matcher(lines.get(line));
    String indent = m.matches() ? m.group(1) : "        ";
    op("insert '" + key + ": " + value + "' after line " + (line + 1));
    lines.add(line + 1, indent + key + ": " + value);
  }

  private void longString(int line) {
    StringBuilder text = new StringBuilder(10_000);
    String alphabet = pick(new String[] {"a", "abcdefghij", "é", "ab.", "x_", "😀"});
    while (text.length() < 10_000) {
      text.append(alphabet);
    }
    Matcher m = KEY_LINE.matcher(lines.get(line));
    if (m.matches() && random.nextBoolean()) {
      op("a 10,000-character key on line " + (line + 1) + " (" + alphabet + "...)");
      lines.set(line, m.group(1) + (random.nextBoolean() ? "bot.command." : "") + text + ":"
          + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
    } else {
      replaceValue(line, text.toString(), "a 10,000-character value (" + alphabet + "...)");
    }
  }

  private void indent(int line) {
    String content = lines.get(line);
    int delta = random.nextBoolean() ? 1 + random.nextInt(3) : -(1 + random.nextInt(3));
    op("indent line " + (line + 1) + " by " + delta);
    if (delta > 0) {
      lines.set(line, " ".repeat(delta) + content);
    } else {
      int spaces = content.length() - content.stripLeading().length();
      lines.set(line, content.substring(Math.min(spaces, -delta)));
    }
  }

  private void tab(int line) {
    String content = lines.get(line);
    int spaces = content.length() - content.stripLeading().length();
    if (spaces > 0 && random.nextBoolean()) {
      op("indent line " + (line + 1) + " with a tab");
      lines.set(line, "\t" + content.substring(Math.min(spaces, 2)));
    } else {
      insert(line, "\t", "a tab");
    }
  }

  private void truncate() {
    int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
    int keep = random.nextInt(Math.max(1, total));
    op("truncate to " + keep + " characters");
    String text = String.join("\n", lines);
    lines = new ArrayList<>(List.of(text.substring(0, Math.min(keep, text.length())).split("\n", -1)));
  }

  private void renameKey(int line) {
    Matcher m = KEY_LINE.matcher(lines.get(line));
    if (!m.matches()) {
      insert(line, pick(KEYS) + ": ", "a key");
      return;
    }
    String key = m.group(2);
    String renamed = switch (random.nextInt(5)) {
      case 0 -> key.length() > 1 ? key.substring(0, key.length() - 1) : key + key; // a typo: the last letter lost
      case 1 -> key.toUpperCase(Locale.ROOT);
      case 2 -> key.length() > 2 ? key.charAt(1) + "" + key.charAt(0) + key.substring(2) : "_" + key;
      default -> pick(KEYS);
    };
    op("rename key '" + MutationTest.abbreviate(key, 40) + "' on line " + (line + 1) + " to '" + renamed + "'");
    lines.set(line, m.group(1) + renamed + ":" + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
  }

  private void invalidUtf8() {
    byte[][] choices = {
        {(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
    badBytes = choices[random.nextInt(choices.length)];
    int total = lines.stream().mapToInt(l -> l.length() + 1).sum();
    badOffset = random.nextInt(Math.max(1, total));
    op("invalid UTF-8 bytes near byte " + badOffset);
  }

  /** YAML structure: documents, anchors and aliases, deep nesting, a block scalar where a mapping goes. */
  private void structural(int line) {
    switch (random.nextInt(5)) {
      case 0 -> {
        op("a document marker before line " + (line + 1));
        lines.add(line, pick(new String[] {"---", "...", "--- !!map", "%YAML 1.2"}));
      }
      case 1 -> {
        Matcher m = KEY_LINE.matcher(lines.get(line));
        if (m.matches() && m.group(4) == null) {
          int target = Math.min(lines.size() - 1, line + 1 + random.nextInt(6));
          op("anchor line " + (line + 1) + " and alias it on line " + (target + 1));
          lines.set(line, lines.get(line) + " &loop");
          replaceValue(target, "*loop", "an alias");
        } else {
          replaceValue(line, "*loop", "an undefined alias");
        }
      }
      case 2 -> {
        int depth = 20 + random.nextInt(30);
        replaceValue(line, "[".repeat(depth) + "1" + "]".repeat(depth), "nesting " + depth + " deep");
      }
      case 3 -> replaceValue(line, "|\n" + "  ".repeat(4) + "a block scalar", "a block scalar");
      default -> {
        op("an empty mapping for the families");
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).startsWith("families:")) {
            lines.set(i, "families: {}");
          }
        }
      }
    }
  }

  /** What is hostile to Java rather than to YAML: names, sizes, packages and nesting. */
  private void hostile(int line) {
    switch (random.nextInt(6)) {
      case 0 -> {
        int list = lineContaining("values: [");
        String value = pick(HOSTILE_VALUES);
        op(HOSTILE + "the enum value " + escape(value) + " on line " + (list + 1));
        lines.set(list, lines.get(list).replace("values: [", "values: [" + value + ", "));
      }
      case 1 -> {
        Matcher m = KEY_LINE.matcher(lines.get(line));
        String key = pick(HOSTILE_KEYS);
        if (!m.matches()) {
          insert(line, key + ": ", HOSTILE + "a key");
          return;
        }
        op(HOSTILE + "rename key '" + MutationTest.abbreviate(m.group(2), 40) + "' on line " + (line + 1) + " to '" + key + "'");
        lines.set(line, m.group(1) + key + ":" + (m.group(4) == null ? "" : m.group(3) + m.group(4)));
      }
      case 2 -> {
        int list = lineContaining("values: [");
        int count = pick(new int[] {2_000, 2_001});
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < count; i++) {
          values.append(i == 0 ? "" : ", ").append("v").append(i);
        }
        op(HOSTILE + count + " enum values on line " + (list + 1));
        lines.set(list, lines.get(list).replaceFirst("values: \\[[^\\]]*\\]", "values: [" + values + "]"));
      }
      case 3 -> {
        String javaPackage = pick(HOSTILE_PACKAGES);
        op(HOSTILE + "the package " + javaPackage);
        int at = lineContaining("package:");
        lines.set(at, "package: " + javaPackage);
      }
      case 4 -> {
        int depth = pick(new int[] {33, 34, 3_000, 20_000});
        replaceValue(line, "[".repeat(depth) + "1" + "]".repeat(depth), HOSTILE + "nesting " + depth + " deep");
      }
      default -> {
        int metric = lineContaining("bot.command.usage:");
        String name = "bot.command." + pick(HOSTILE_METRICS);
        op(HOSTILE + "a metric " + escape(name) + " before line " + (metric + 1));
        String indent = lines.get(metric).substring(0, Math.max(0, lines.get(metric).indexOf('b')));
        lines.add(metric, indent + name + ": {type: counter, description: A hostile name.}");
      }
    }
  }

  /** The first line containing {@code text}, or a content line when none does. */
  private int lineContaining(String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    return contentLine();
  }

  private int pick(int[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private void lint() {
    StringBuilder section = new StringBuilder("lint:");
    int entries = 1 + random.nextInt(3);
    for (int i = 0; i < entries; i++) {
      section.append("\n  ").append(pick(LINT_ENTRIES));
    }
    op("append " + section.toString().replace("\n", " "));
    lines.add(section.toString());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("U+%04X", c) : Character.toString(c)));
    return out.toString();
  }
}
