package dev.metered.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A synthetic application for {@link ProcessorScaleBenchmark}: a lint-clean schema of
 * {@value #FAMILIES} families of {@value #METRICS_PER_FAMILY} metrics each, and
 * {@value #HANDLER_CLASSES_PER_FAMILY} handler classes per family whose {@code @Metered} methods
 * fix the family's {@code from_handlers} enum and whose bodies call the generated recorders.
 *
 * <p>Every family has the same shape (a mix of counters, distributions and gauges; enum, boolean
 * and bounded string attributes; required and optional inputs) with its own names, so the
 * processor sees a schema the size of a large application's. Run {@link #main} to write one and
 * look at it.
 */
public final class SyntheticProject {
  public static final int FAMILIES = 100;
  public static final int METRICS_PER_FAMILY = 10;
  public static final int HANDLER_CLASSES_PER_FAMILY = 2;
  /** {@code @Metered} methods per handler class; each gives its family's operation a value. */
  public static final int HANDLERS_PER_CLASS = 4;

  public static final String NAMESPACE = "shop";
  public static final String RECORDER_PACKAGE = "dev.metered.synthetic.metrics";
  public static final String APP_PACKAGE = "dev.metered.synthetic.app";

  /** The values the handlers give each family's {@code operation} ({@code from_handlers}). */
  private static final List<String> OPERATIONS =
      List.of("create", "read", "update", "delete", "list", "search", "export", "import");

  private final Path schema;
  private final Path sourceRoot;
  private final List<Path> sources;
  private final long schemaLines;
  private final long sourceLines;

  private SyntheticProject(Path schema, Path sourceRoot, List<Path> sources, long schemaLines, long sourceLines) {
    this.schema = schema;
    this.sourceRoot = sourceRoot;
    this.sources = sources;
    this.schemaLines = schemaLines;
    this.sourceLines = sourceLines;
  }

  /**
   * Writes the schema to {@code root/metrics.yaml} and the handlers under {@code root/src}.
   *
   * @param onDemandImports whether the handlers import the recorders' package on demand
   *     ({@code import ...metrics.*;}, nested enums qualified: {@code F00Metrics.Region.EU}) rather
   *     than each recorder and nested enum by name, as the example bot does
   */
  public static SyntheticProject write(Path root, boolean onDemandImports) throws IOException {
    Files.createDirectories(root);
    Path schema = root.resolve("metrics.yaml");
    String schemaText = schemaText();
    Files.writeString(schema, schemaText, StandardCharsets.UTF_8);
    Path sourceRoot = root.resolve("src");
    List<Path> sources = new ArrayList<>();
    long lines = 0;
    for (int f = 0; f < FAMILIES; f++) {
      Path dir = sourceRoot.resolve((APP_PACKAGE + "." + family(f)).replace('.', '/'));
      Files.createDirectories(dir);
      for (int c = 0; c < HANDLER_CLASSES_PER_FAMILY; c++) {
        String text = handlerClass(f, c, onDemandImports);
        Path file = dir.resolve(handlerClassName(f, c) + ".java");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        sources.add(file);
        lines += text.lines().count();
      }
    }
    return new SyntheticProject(schema, sourceRoot, List.copyOf(sources), schemaText.lines().count(), lines);
  }

  public Path schema() {
    return schema;
  }

  public Path sourceRoot() {
    return sourceRoot;
  }

  /** The handler classes' source files. */
  public List<Path> sources() {
    return sources;
  }

  public long schemaLines() {
    return schemaLines;
  }

  /** Lines of the handler classes (the generated recorders not included). */
  public long sourceLines() {
    return sourceLines;
  }

  /** Counts the lines of every {@code .java} file under {@code dir}. */
  public static long javaLines(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).mapToLong(p -> {
        try (var lines = Files.lines(p, StandardCharsets.UTF_8)) {
          return lines.count();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String family(int f) {
    return String.format(Locale.ROOT, "f%02d", f);
  }

  static String recorderName(int f) {
    return String.format(Locale.ROOT, "F%02dMetrics", f);
  }

  static String handlerClassName(int f, int c) {
    return String.format(Locale.ROOT, "F%02d%sHandlers", f, c == 0 ? "Catalog" : "Report");
  }

  // ---------------------------------------------------------------------------------------------
  // The schema

  private static String schemaText() {
    StringBuilder y = new StringBuilder();
    y.append("# Synthetic schema for ProcessorScaleBenchmark: ").append(FAMILIES).append(" families of ")
        .append(METRICS_PER_FAMILY).append(" metrics.\n");
    y.append("schema: 1\n");
    y.append("namespace: ").append(NAMESPACE).append('\n');
    y.append("package: ").append(RECORDER_PACKAGE).append('\n');
    y.append("\nfamilies:\n");
    for (int f = 0; f < FAMILIES; f++) {
      family(y, f);
    }
    return y.toString();
  }

  private static void family(StringBuilder y, int f) {
    String name = family(f);
    String m = NAMESPACE + "." + name + ".";
    y.append("  ").append(name).append(":\n");
    y.append("    description: One request to service ").append(f).append(", after any retries.\n");
    y.append("    attributes:\n");
    y.append("      operation:\n");
    y.append("        type: enum\n");
    y.append("        from_handlers: true\n");
    y.append("        description: The operation; the @Metered handlers declare the values.\n");
    y.append("      region:\n");
    y.append("        type: enum\n");
    y.append("        values: [eu, us, apac]\n");
    y.append("        description: Where the request was served.\n");
    y.append("      tier: {type: enum, values: [free, pro, team, enterprise], description: The customer's plan.}\n");
    y.append("      success:\n");
    y.append("        type: boolean\n");
    y.append("        description: Whether the request succeeded.\n");
    y.append("      error_type:\n");
    y.append("        type: string\n");
    y.append("        max_length: 100\n");
    y.append("        max_values: 20\n");
    y.append("        optional: true\n");
    y.append("        description: The exception's type name, when the request failed.\n");
    y.append("    inputs:\n");
    y.append("      duration:\n");
    y.append("        type: double\n");
    y.append("        description: How long the request took, in milliseconds.\n");
    y.append("      queue_time:\n");
    y.append("        type: double\n");
    y.append("        optional: true\n");
    y.append("        description: How long the request waited in the queue, in milliseconds.\n");
    y.append("      backlog: {type: double, optional: true, description: Requests waiting when this one finished.}\n");
    y.append("      items: {type: integer, optional: true, description: Items the request touched.}\n");
    y.append("    metrics:\n");
    // 1-3: distributions of a time, with a duration unit.
    y.append("      ").append(m).append("request.duration:\n");
    y.append("        type: distribution\n");
    y.append("        unit: millisecond\n");
    y.append("        value: duration\n");
    y.append("        description: Request duration.\n");
    y.append("      ").append(m).append("queue.time:\n");
    y.append("        {type: distribution, unit: millisecond, value: queue_time, attributes: [operation, region],")
        .append(" description: Time spent queued.}\n");
    y.append("      ").append(m).append("failure.duration:\n");
    y.append("        type: distribution\n");
    y.append("        unit: millisecond\n");
    y.append("        value: duration\n");
    y.append("        when: {success: false}\n");
    y.append("        attributes: [operation, error_type]\n");
    y.append("        description: Duration of the failed requests.\n");
    // 4-8: counters.
    y.append("      ").append(m).append("requests: {type: counter, description: Requests served.}\n");
    y.append("      ").append(m).append("failures:\n");
    y.append("        type: counter\n");
    y.append("        when: {success: false}\n");
    y.append("        description: Failed requests.\n");
    y.append("      ").append(m).append("slow.requests:\n");
    y.append("        type: counter\n");
    y.append("        when: {duration: {above: 1000}}\n");
    y.append("        attributes: [operation, region]\n");
    y.append("        description: Requests that took more than a second.\n");
    y.append("      ").append(m).append("items.processed:\n");
    y.append("        {type: counter, value: items, when: {items: {above: 0}}, description: Items processed.}\n");
    y.append("      ").append(m).append("enterprise.requests:\n");
    y.append("        type: counter\n");
    y.append("        when: {tier: enterprise}\n");
    y.append("        attributes: [operation]\n");
    y.append("        description: Requests of enterprise customers.\n");
    // 9-10: gauges.
    y.append("      ").append(m).append("queue.depth:\n");
    y.append("        {type: gauge, value: backlog, attributes: [region], description: Requests waiting.}\n");
    y.append("      ").append(m).append("batch.items:\n");
    y.append("        type: gauge\n");
    y.append("        value: items\n");
    y.append("        attributes: [operation, tier]\n");
    y.append("        description: Items in the last batch.\n");
    y.append('\n');
  }

  // ---------------------------------------------------------------------------------------------
  // The handler classes

  private static String handlerClass(int f, int c, boolean onDemandImports) {
    String family = family(f);
    String recorder = recorderName(f);
    String className = handlerClassName(f, c);
    List<String> operations = OPERATIONS.subList(c * HANDLERS_PER_CLASS, (c + 1) * HANDLERS_PER_CLASS);
    StringBuilder j = new StringBuilder();
    j.append("package ").append(APP_PACKAGE).append('.').append(family).append(";\n\n");
    j.append("import dev.metered.annotations.Attr;\n");
    j.append("import dev.metered.annotations.Metered;\n");
    if (onDemandImports) {
      j.append("import ").append(RECORDER_PACKAGE).append(".*;\n");
    } else {
      j.append("import ").append(RECORDER_PACKAGE).append('.').append(recorder).append(";\n");
      for (String nested : List.of("Operation", "Region", "Tier")) {
        j.append("import ").append(RECORDER_PACKAGE).append('.').append(recorder).append('.').append(nested)
            .append(";\n");
      }
    }
    j.append("import java.util.ArrayList;\n");
    j.append("import java.util.Comparator;\n");
    j.append("import java.util.LinkedHashMap;\n");
    j.append("import java.util.List;\n");
    j.append("import java.util.Locale;\n");
    j.append("import java.util.Map;\n");
    j.append("import java.util.Optional;\n");
    j.append("import java.util.stream.Collectors;\n\n");
    j.append("/** The ").append(c == 0 ? "catalog" : "report").append(" handlers of service ").append(f)
        .append(" (family {@code ").append(family).append("}). */\n");
    // Not final: every class with @Metered methods gets a generated subclass.
    j.append("public class ").append(className).append(" {\n");
    j.append("  private static final int LIMIT = ").append(16 + f % 7).append(";\n\n");
    j.append("  private final Map<String, List<String>> index = new LinkedHashMap<>();\n");
    j.append("  private final ").append(recorder).append(" metrics;\n");
    j.append("  private final Tier tier;\n");
    j.append("  private long calls;\n\n");
    j.append("  public ").append(className).append("(").append(recorder).append(" metrics, String plan) {\n");
    j.append("    this.metrics = metrics;\n");
    j.append("    this.tier = Tier.fromWireValue(plan.toLowerCase(Locale.ROOT)).orElse(Tier.FREE);\n");
    j.append("  }\n\n");
    j.append("  public ").append(className).append("() {\n");
    j.append("    this(").append(recorder).append(".global(), \"free\");\n");
    j.append("  }\n");
    for (int h = 0; h < operations.size(); h++) {
      handler(j, family, operations.get(h), h, c == 0);
    }
    // Ordinary code, as a real class has.
    j.append("\n  /** The keys holding more than {@code minimum} entries, longest first. */\n");
    j.append("  public List<String> largest(int minimum) {\n");
    j.append("    return index.entrySet().stream()\n");
    j.append("        .filter(e -> e.getValue().size() > minimum)\n");
    j.append("        .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size())"
        + ".reversed())\n");
    j.append("        .map(Map.Entry::getKey)\n");
    j.append("        .limit(LIMIT)\n");
    j.append("        .collect(Collectors.toList());\n");
    j.append("  }\n\n");
    j.append("  /** A one-line summary for the logs. */\n");
    j.append("  public String summary() {\n");
    j.append("    StringBuilder text = new StringBuilder(\"").append(className).append("[\");\n");
    j.append("    text.append(\"calls=\").append(calls).append(\", keys=\").append(index.size());\n");
    j.append("    int total = 0;\n");
    j.append("    for (List<String> values : index.values()) {\n");
    j.append("      total += values.size();\n");
    j.append("    }\n");
    j.append("    return text.append(\", values=\").append(total).append(']').toString();\n");
    j.append("  }\n\n");
    j.append("  private static String normalise(String name) {\n");
    j.append("    String trimmed = name.strip().toLowerCase(Locale.ROOT);\n");
    j.append("    StringBuilder key = new StringBuilder(trimmed.length());\n");
    j.append("    for (int i = 0; i < trimmed.length(); i++) {\n");
    j.append("      char ch = trimmed.charAt(i);\n");
    j.append("      key.append(Character.isLetterOrDigit(ch) ? ch : '-');\n");
    j.append("    }\n");
    j.append("    return key.length() > LIMIT ? key.substring(0, LIMIT) : key.toString();\n");
    j.append("  }\n\n");
    j.append("  private static double millisSince(long start) {\n");
    j.append("    return (System.nanoTime() - start) / 1_000_000.0;\n");
    j.append("  }\n");
    j.append("}\n");
    return onDemandImports ? qualifyNestedTypes(j.toString(), recorder) : j.toString();
  }

  /** {@code Region.EU} becomes {@code F00Metrics.Region.EU}, for on-demand imports. */
  private static String qualifyNestedTypes(String source, String recorder) {
    return source.replaceAll("(?<![\\w.])(Operation|Region|Tier)(?=[. ])", recorder + ".$1");
  }

  /**
   * One handler: a {@code @Metered} method doing some collection work, then recording its event,
   * positionally ({@code catalog} classes) or through the optional fields' builder.
   */
  private static void handler(StringBuilder j, String family, String operation, int h, boolean positional) {
    String constant = operation.toUpperCase(Locale.ROOT);
    String method = operation + "Entries";
    j.append('\n');
    switch (h) {
      case 0 -> {
        j.append("  @Metered(family = \"").append(family).append("\", attributes = {\"operation=").append(operation)
            .append("\", \"tier=free\"})\n");
        j.append("  public String ").append(method).append("(@Attr(\"region\") Region region, String name) {\n");
        j.append("    long start = System.nanoTime();\n");
        j.append("    calls++;\n");
        j.append("    String key = normalise(name);\n");
        j.append("    index.computeIfAbsent(key, k -> new ArrayList<>()).add(name);\n");
        record(j, constant, "region", "true", "null", "index.size()", positional);
        j.append("    return key;\n");
        j.append("  }\n");
      }
      case 1 -> {
        j.append("  @Metered(family = \"").append(family).append("\", attributes = {\"operation=").append(operation)
            .append("\", \"tier=pro\", \"region=us\"})\n");
        j.append("  public List<String> ").append(method).append("(String prefix) {\n");
        j.append("    long start = System.nanoTime();\n");
        j.append("    calls++;\n");
        j.append("    List<String> found = new ArrayList<>();\n");
        j.append("    for (Map.Entry<String, List<String>> entry : index.entrySet()) {\n");
        j.append("      if (entry.getKey().startsWith(normalise(prefix))) {\n");
        j.append("        found.addAll(entry.getValue());\n");
        j.append("      }\n");
        j.append("    }\n");
        record(j, constant, "Region.US", "!found.isEmpty()", "null", "found.size()", positional);
        j.append("    return found;\n");
        j.append("  }\n");
      }
      case 2 -> {
        j.append("  @Metered(family = \"").append(family).append("\", attributes = {\"operation=").append(operation)
            .append("\", \"tier=team\", \"region=apac\"})\n");
        j.append("  public Optional<String> ").append(method).append("(String name, String replacement) {\n");
        j.append("    long start = System.nanoTime();\n");
        j.append("    calls++;\n");
        j.append("    List<String> values = index.get(normalise(name));\n");
        j.append("    String failure = null;\n");
        j.append("    Optional<String> previous = Optional.empty();\n");
        j.append("    try {\n");
        j.append("      previous = Optional.of(values.set(0, replacement));\n");
        j.append("    } catch (RuntimeException e) {\n");
        j.append("      failure = e.getClass().getSimpleName();\n");
        j.append("    }\n");
        record(j, constant, "Region.APAC", "failure == null", "failure", "values == null ? 0 : values.size()",
            positional);
        j.append("    return previous;\n");
        j.append("  }\n");
      }
      default -> {
        j.append("  @Metered(family = \"").append(family).append("\", attributes = {\"operation=").append(operation)
            .append("\", \"tier=enterprise\"})\n");
        j.append("  public int ").append(method).append("(@Attr(\"region\") Region region, List<String> names) {\n");
        j.append("    long start = System.nanoTime();\n");
        j.append("    calls++;\n");
        j.append("    int removed = 0;\n");
        j.append("    for (String name : names) {\n");
        j.append("      List<String> gone = index.remove(normalise(name));\n");
        j.append("      removed += gone == null ? 0 : gone.size();\n");
        j.append("    }\n");
        record(j, constant, "region", "removed > 0", "null", "removed", positional);
        j.append("    return removed;\n");
        j.append("  }\n");
      }
    }
  }

  private static void record(StringBuilder j, String operation, String region, String success, String errorType,
      String items, boolean positional) {
    if (positional) {
      j.append("    metrics.record(Operation.").append(operation).append(", ").append(region).append(", tier, ")
          .append(success).append(", millisSince(start));\n");
    } else {
      j.append("    ").append("metrics.event(Operation.").append(operation).append(", ").append(region)
          .append(", tier, ").append(success).append(", millisSince(start))\n");
      if (!errorType.equals("null")) {
        j.append("        .errorType(").append(errorType).append(")\n");
      }
      j.append("        .queueTime(0.5 * calls)\n");
      j.append("        .backlog(index.size())\n");
      j.append("        .items(").append(items).append(")\n");
      j.append("        .record();\n");
    }
  }

  /**
   * Writes a project into the directory given (default: a new temporary one) and describes it;
   * a second argument {@code on-demand} writes on-demand imports.
   */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("metered-synthetic-");
    SyntheticProject project = write(root, args.length > 1 && args[1].equals("on-demand"));
    System.out.printf(Locale.ROOT, "%s: %d families, %d metrics, %d handler classes (%d @Metered methods);"
            + " schema %d lines, handler sources %d lines%n",
        root, FAMILIES, FAMILIES * METRICS_PER_FAMILY, project.sources().size(),
        project.sources().size() * HANDLERS_PER_CLASS, project.schemaLines(), project.sourceLines());
  }
}
