package dev.metered.processor;

import com.squareup.javapoet.JavaFile;
import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.generate.AsciiSource;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.schema.BoundedRead;
import dev.metered.processor.schema.InputKind;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.processor.schema.SchemaLocator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * The processor's files: it finds and reads the schema and the earlier catalog the options name,
 * and writes the generated sources and resources, each failure a coded diagnostic. The one class
 * that touches the {@link Filer}, as Dagger's {@code SourceFileGenerator} is for Dagger.
 */
final class ProcessorFiles {
  private final Filer filer;
  private final Map<String, String> options;

  ProcessorFiles(ProcessingEnvironment environment) {
    this.filer = environment.getFiler();
    this.options = environment.getOptions();
  }

  /**
   * Writes a generated source, as pure ASCII, for the {@code origins} it depends on.
   *
   * @return whether it was written; if not, the error is reported
   */
  boolean writeSource(String qualifiedName, JavaFile file, Element[] origins, Diagnostics diagnostics) {
    try {
      JavaFileObject source = filer.createSourceFile(qualifiedName, origins);
      try (Writer out = source.openWriter()) {
        out.write(AsciiSource.of(file));
      }
      return true;
    } catch (IOException e) {
      diagnostics.error(DiagnosticCode.GENERATION_FAILED, null, "cannot write " + qualifiedName + ": " + e.getMessage());
      return false;
    }
  }

  /** Writes a resource of the class output, as UTF-8. */
  void writeResource(String name, String text, Element[] origins, Diagnostics diagnostics) {
    try {
      FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
      // UTF-8 whatever the compilation's -encoding: the catalog's readers expect it.
      try (OutputStream out = resource.openOutputStream()) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      diagnostics.error(DiagnosticCode.GENERATION_FAILED, null, "cannot write " + name + ": " + e.getMessage());
    }
  }

  /** The earlier catalog named by the option, if one is named and readable. */
  Optional<PreviousCatalog> readPreviousCatalog(Diagnostics diagnostics) {
    String option = options.get(PreviousCatalog.OPTION);
    if (option == null || option.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(option.strip()).toAbsolutePath().normalize();
    SourcePosition start = SourcePosition.startOf(path.toString());
    try {
      Optional<byte[]> bytes = BoundedRead.file(path, InputKind.CATALOG.maxBytes());
      if (bytes.isEmpty()) {
        diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, start,
            "no catalog at " + path + ", the file named by -A" + PreviousCatalog.OPTION);
        return Optional.empty();
      }
      return SchemaFile.decode(InputKind.CATALOG, path.toString(), bytes.get(), diagnostics)
          .flatMap(file -> PreviousCatalog.read(file, diagnostics));
    } catch (BoundedRead.TooLargeException e) {
      SchemaFile.reportTooLarge(InputKind.CATALOG, start, e.size(), diagnostics);
      return Optional.empty();
    } catch (BoundedRead.NotAFileException e) {
      diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, start, "cannot read the catalog named by -A"
          + PreviousCatalog.OPTION + ": " + e.getMessage() + "; name an earlier build's META-INF/metered/metrics.json");
      return Optional.empty();
    } catch (IOException e) {
      diagnostics.error(DiagnosticCode.BAD_LINT_CONFIG, start,
          "cannot read the catalog named by -A" + PreviousCatalog.OPTION + ": " + e);
      return Optional.empty();
    }
  }

  /** The schema: the file the option names, or else {@code metrics.yaml} on the output or class path. */
  Optional<SchemaFile> locateSchema(Diagnostics diagnostics) {
    String option = options.get(SchemaLocator.OPTION);
    SchemaLocator locator = new SchemaLocator(diagnostics);
    if (option != null && !option.isBlank()) {
      Path path = Path.of(option.strip()).toAbsolutePath().normalize();
      return locator.locate(new SchemaLocator.Candidate(path.toString(), path::toString, () -> readFile(path)), List.of());
    }
    List<SchemaLocator.Candidate> fallbacks = new ArrayList<>();
    for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH)) {
      FileObject[] found = new FileObject[1];
      fallbacks.add(new SchemaLocator.Candidate(
          location.getName() + "/" + SchemaLocator.RESOURCE,
          () -> displayPath(found[0].toUri()),
          () -> {
            Optional<FileObject> resource = resource(location);
            if (resource.isEmpty()) {
              return Optional.empty();
            }
            found[0] = resource.get();
            return readResource(found[0]);
          }));
    }
    return locator.locate(null, fallbacks);
  }

  private Optional<FileObject> resource(StandardLocation location) {
    try {
      return Optional.of(filer.getResource(location, "", SchemaLocator.RESOURCE));
    } catch (IOException | IllegalArgumentException e) {
      // No such file, or a compiler that cannot read this location.
      return Optional.empty();
    }
  }

  private static Optional<byte[]> readFile(Path path) throws IOException {
    return BoundedRead.file(path, SchemaFile.MAX_BYTES);
  }

  /** A resource the Filer found: a file checked as one, anything else read up to the limit. */
  private static Optional<byte[]> readResource(FileObject resource) throws IOException {
    URI uri = resource.toUri();
    if ("file".equals(uri.getScheme())) {
      return readFile(Path.of(uri));
    }
    try (InputStream in = resource.openInputStream()) {
      return Optional.of(BoundedRead.stream(in, SchemaFile.MAX_BYTES));
    } catch (FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static String displayPath(URI uri) {
    return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
  }
}
