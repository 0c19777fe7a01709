package dev.metered.processor.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot of sentry-conventions' deprecated attribute keys kept next to this class
 * ({@code deprecated-attributes.tsv}, whose header names its source and date).
 */
final class DeprecatedAttributes {
  static final String RESOURCE = "deprecated-attributes.tsv";

  /** What Relay does with a deprecated key, by its deprecation status. */
  enum Status {
    /** Relay moves the value to the replacement key. */
    NORMALIZE,
    /** Relay copies the value to the replacement key and keeps the old one. */
    BACKFILL,
    /** No status yet: Relay keeps the key as it is. */
    NONE
  }

  /** One deprecated key; {@code replacement} is {@code null} when the conventions name none. */
  record Deprecation(String key, String replacement, Status status) {}

  private static final Map<String, Deprecation> ALL = load();

  private DeprecatedAttributes() {}

  /** The deprecation of {@code key}, or {@code null}. */
  static Deprecation of(String key) {
    return ALL.get(key);
  }

  private static Map<String, Deprecation> load() {
    Map<String, Deprecation> all = new LinkedHashMap<>();
    try (InputStream in = DeprecatedAttributes.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the processor jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        Status status = switch (columns[2]) {
          case "normalize" -> Status.NORMALIZE;
          case "backfill" -> Status.BACKFILL;
          default -> Status.NONE;
        };
        all.put(columns[0], new Deprecation(columns[0], columns[1].equals("-") ? null : columns[1], status));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }
}
