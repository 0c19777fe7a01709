package dev.metered.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that generated recorders declare, read from the catalogs the processor writes
 * beside them ({@value #CATALOG}, one per compiled module) on the test's class path: what a metric
 * name given as text to {@link RecordingSink} or {@link MetricAssertions} is checked against, so
 * that a misspelt name fails instead of matching nothing.
 */
final class DeclaredMetrics {
  /** Where the processor writes each compilation's catalog (docs/catalog.md). */
  static final String CATALOG = "META-INF/metered/metrics.json";

  // The catalog's layout is fixed (docs/catalog.md): each field on a line of its own, and "name"
  // is a field of metrics only (attributes have "key"). Runtime code has no JSON library.
  private static final Pattern NAME =
      Pattern.compile("^\\s*\"name\": \"((?:[^\"\\\\]|\\\\.)*)\",?$", Pattern.MULTILINE);
  private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u([0-9a-fA-F]{4})|(.))");

  // Read once per class loader; weak, so that a test's throwaway class loader can go.
  private static final Map<ClassLoader, Set<String>> BY_LOADER =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DeclaredMetrics() {}

  /**
   * {@code null} when a catalog declares {@code name} or it is among {@code recorded} (the names
   * a sink has seen, hand-made metrics included); otherwise why not, with the nearest known name.
   */
  static String problemWith(String name, Collection<String> recorded) {
    if (recorded.contains(name)) {
      return null;
    }
    Set<String> declared = names();
    if (declared.contains(name)) {
      return null;
    }
    Set<String> candidates = new TreeSet<>(declared);
    candidates.addAll(recorded);
    String where = declared.isEmpty()
        ? " (no " + CATALOG + " is on the class path, and the sink recorded no such metric)"
        : "";
    return "no recorder declares '" + name + "'" + where + NearestName.didYouMean(name, candidates)
        + "; a metric made by hand is asserted by its Metric rather than its name";
  }

  /** Every name declared by the catalogs the context class loader and this class's loader see. */
  static Set<String> names() {
    Set<String> names = new TreeSet<>(in(DeclaredMetrics.class.getClassLoader()));
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      names.addAll(in(context));
    }
    return names;
  }

  private static Set<String> in(ClassLoader loader) {
    if (loader == null) {
      return Set.of();
    }
    return BY_LOADER.computeIfAbsent(loader, DeclaredMetrics::read);
  }

  private static Set<String> read(ClassLoader loader) {
    Set<String> names = new TreeSet<>();
    try {
      Enumeration<URL> catalogs = loader.getResources(CATALOG);
      while (catalogs.hasMoreElements()) {
        names.addAll(namesIn(catalogs.nextElement()));
      }
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot list the metric catalogs " + CATALOG, unreadable);
    }
    return Set.copyOf(names);
  }

  private static Set<String> namesIn(URL catalog) {
    try (InputStream in = catalog.openStream()) {
      return namesIn(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read the metric catalog " + catalog, unreadable);
    }
  }

  /** The metric names in the text of a catalog. */
  static Set<String> namesIn(String catalogJson) {
    Set<String> names = new TreeSet<>();
    Matcher name = NAME.matcher(catalogJson);
    while (name.find()) {
      names.add(unescape(name.group(1)));
    }
    return names;
  }

  private static String unescape(String jsonString) {
    return ESCAPE.matcher(jsonString).replaceAll(escape -> {
      String replacement = escape.group(1) != null
          ? String.valueOf((char) Integer.parseInt(escape.group(1), 16))
          : switch (escape.group(2)) {
            case "b" -> "\b";
            case "f" -> "\f";
            case "n" -> "\n";
            case "r" -> "\r";
            case "t" -> "\t";
            default -> escape.group(2);
          };
      return Matcher.quoteReplacement(replacement);
    });
  }
}
