package dev.metered.example.api.stub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The tldr pages the stub serves: Markdown files in tldr's page format under {@code pages/} next to
 * this class, modelled on pages of the tldr-pages project (CC BY 4.0). Shipped in the jar, so the
 * simulation serves real-looking pages with no network.
 */
final class TldrPages {
  // Checked before the name becomes part of a resource path.
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.+_-]{0,63}");
  private static final Pattern PLATFORM = Pattern.compile("common|linux|osx|windows|android");

  private static final Map<String, Optional<String>> LOADED = new ConcurrentHashMap<>();

  private TldrPages() {}

  static Optional<String> find(String platform, String name) {
    if (!PLATFORM.matcher(platform).matches() || !NAME.matcher(name).matches()) {
      return Optional.empty();
    }
    return LOADED.computeIfAbsent(platform + "/" + name, TldrPages::load);
  }

  private static Optional<String> load(String page) {
    try (InputStream in = TldrPages.class.getResourceAsStream("pages/" + page + ".md")) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read the stub's page " + page, unreadable);
    }
  }
}
