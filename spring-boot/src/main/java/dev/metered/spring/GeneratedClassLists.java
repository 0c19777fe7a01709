package dev.metered.spring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lists of generated classes that Metered's processor writes into every jar or output
 * folder it compiled ({@code META-INF/metered/wrappers.list} and {@code recorders.list}, see
 * docs/architecture.md), read through the class loader: no class-path scanning, and no class
 * loaded here.
 *
 * @param wrappers each handler class's binary name mapped to its wrapper's
 * @param recorders the binary names of every generated recorder
 */
record GeneratedClassLists(Map<String, String> wrappers, SortedSet<String> recorders) {
  /** The processor's {@code ClassLists.WRAPPERS_RESOURCE}. */
  static final String WRAPPERS_RESOURCE = "META-INF/metered/wrappers.list";

  /** The processor's {@code ClassLists.RECORDERS_RESOURCE}. */
  static final String RECORDERS_RESOURCE = "META-INF/metered/recorders.list";

  GeneratedClassLists {
    wrappers = Collections.unmodifiableMap(new TreeMap<>(wrappers));
    recorders = Collections.unmodifiableSortedSet(new TreeSet<>(recorders));
  }

  /**
   * Every list {@code classLoader} sees, merged.
   *
   * @throws IllegalStateException if a line is not what the processor writes, or two lists give
   *     one class different wrappers (two builds of one class on the class path)
   */
  static GeneratedClassLists read(ClassLoader classLoader) {
    Map<String, String> wrappers = new TreeMap<>();
    Map<String, URL> wrapperSources = new TreeMap<>();
    SortedSet<String> recorders = new TreeSet<>();
    for (URL list : resources(classLoader, WRAPPERS_RESOURCE)) {
      int number = 0;
      for (String line : lines(list)) {
        number++;
        if (isComment(line)) {
          continue;
        }
        int equals = line.indexOf('=');
        if (equals <= 0 || equals == line.length() - 1) {
          throw new IllegalStateException(list + ":" + number + ": expected 'original=wrapper' (binary"
              + " class names, as Metered's processor writes them), not '" + line + "'");
        }
        String original = line.substring(0, equals).strip();
        String wrapper = line.substring(equals + 1).strip();
        String earlier = wrappers.putIfAbsent(original, wrapper);
        if (earlier != null && !earlier.equals(wrapper)) {
          throw new IllegalStateException(list + ":" + number + " gives " + original + " the wrapper " + wrapper
              + ", but " + wrapperSources.get(original) + " gives it " + earlier
              + "; the class path holds two builds of " + original);
        }
        wrapperSources.putIfAbsent(original, list);
      }
    }
    for (URL list : resources(classLoader, RECORDERS_RESOURCE)) {
      for (String line : lines(list)) {
        if (!isComment(line)) {
          recorders.add(line.strip());
        }
      }
    }
    return new GeneratedClassLists(wrappers, recorders);
  }

  private static boolean isComment(String line) {
    return line.isBlank() || line.startsWith("#");
  }

  private static Iterable<URL> resources(ClassLoader classLoader, String name) {
    try {
      Enumeration<URL> found = classLoader.getResources(name);
      return Collections.list(found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the resources " + name, e);
    }
  }

  private static Iterable<String> lines(URL list) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.openStream(), StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + list, e);
    }
  }
}
