package dev.metered.example.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The trace files H2 writes next to a file database when something goes wrong, for tests. */
public final class H2TraceFiles {
  private H2TraceFiles() {}

  /**
   * What every H2 trace file under {@code directory} holds, one after another.
   *
   * @param directory where the databases are
   * @return their text; empty when there is none
   * @throws IOException when the directory cannot be read
   */
  public static String text(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".trace.db"))
          .map(H2TraceFiles::read)
          .collect(Collectors.joining());
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
