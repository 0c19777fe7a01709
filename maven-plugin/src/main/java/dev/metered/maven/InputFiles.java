package dev.metered.maven;

import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.schema.BoundedRead;
import dev.metered.processor.schema.InputKind;
import dev.metered.processor.schema.SchemaFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Reads a schema or a catalog with the processor's own limits and checks (size, UTF-8, not
 * empty), so the plugin accepts exactly the files the processor accepts.
 */
final class InputFiles {
  /** Where every compilation puts its catalog, relative to the class output. */
  static final String CATALOG_ENTRY = "META-INF/metered/metrics.json";

  private InputFiles() {}

  /**
   * Reads a file; a file that is too large or not UTF-8 is reported in {@code diagnostics}.
   *
   * @param missing the message when there is no file at {@code path}
   * @return the file, or empty when it was reported
   * @throws MojoExecutionException when there is no such file or it cannot be read
   */
  static Optional<SchemaFile> read(InputKind kind, Path path, String missing, Diagnostics diagnostics)
      throws MojoExecutionException {
    try {
      Optional<byte[]> bytes = BoundedRead.file(path, kind.maxBytes());
      if (bytes.isEmpty()) {
        throw new MojoExecutionException(missing);
      }
      return SchemaFile.decode(kind, path.toString(), bytes.get(), diagnostics);
    } catch (BoundedRead.TooLargeException e) {
      SchemaFile.reportTooLarge(kind, SourcePosition.startOf(path.toString()), e.size(), diagnostics);
      return Optional.empty();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the catalog inside a jar.
   *
   * @param displayName how messages name the jar's catalog
   * @throws MojoExecutionException when the jar cannot be read or holds no catalog
   */
  static Optional<SchemaFile> catalogInJar(Path jar, String displayName, Diagnostics diagnostics)
      throws MojoExecutionException {
    try (JarFile file = new JarFile(jar.toFile())) {
      ZipEntry entry = file.getEntry(CATALOG_ENTRY);
      if (entry == null) {
        throw new MojoExecutionException(displayName + " holds no Metered catalog (" + CATALOG_ENTRY
            + "); was it built with the Metered processor?");
      }
      try (InputStream in = file.getInputStream(entry)) {
        byte[] bytes = BoundedRead.stream(in, InputKind.CATALOG.maxBytes());
        return SchemaFile.decode(InputKind.CATALOG, displayName, bytes, diagnostics);
      }
    } catch (BoundedRead.TooLargeException e) {
      SchemaFile.reportTooLarge(InputKind.CATALOG, SourcePosition.startOf(displayName), e.size(), diagnostics);
      return Optional.empty();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + jar + ": " + e.getMessage(), e);
    }
  }
}
