package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the schema among the places the processor may look, in order, and reads it.
 *
 * <p>When the user names a file with the option, only that file is read: falling back to another
 * copy would hide a mistyped path behind a stale file. Otherwise the first place that has the
 * file wins, and when none has it one error lists every place tried.
 */
public final class SchemaLocator {
  /** The option that names the schema file. */
  public static final String OPTION = "metered.schema";
  /** The resource the processor looks for when the option is not given. */
  public static final String RESOURCE = "metrics.yaml";

  /**
   * Reads a candidate's bytes, at most {@link SchemaFile#MAX_BYTES} of a regular file (see
   * {@link BoundedRead}); empty when there is no file there.
   */
  @FunctionalInterface
  public interface Reader {
    Optional<byte[]> read() throws IOException;
  }

  /**
   * A place the schema may be.
   *
   * @param description how messages name the place, for example "CLASS_OUTPUT/metrics.yaml"
   * @param path the file's path, once known, for positions in messages
   */
  public record Candidate(String description, Supplier<String> path, Reader reader) {}

  private final Diagnostics diagnostics;

  public SchemaLocator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * @param explicit the candidate the option names, or {@code null} when the option is not set
   * @param fallbacks the places to look otherwise, in order
   * @return the decoded file, or empty when a problem was reported
   */
  public Optional<SchemaFile> locate(Candidate explicit, List<Candidate> fallbacks) {
    if (explicit != null) {
      Optional<byte[]> bytes = read(explicit);
      if (bytes == null) {
        return Optional.empty();
      }
      if (bytes.isEmpty()) {
        diagnostics.error(DiagnosticCode.SCHEMA_NOT_FOUND, null,
            "no metrics schema at " + explicit.description() + ", the file named by -A" + OPTION
                + "; check the path (relative paths are resolved against the compiler's working"
                + " directory, so prefer ${project.basedir}/... in Maven)");
        return Optional.empty();
      }
      return SchemaFile.decode(explicit.path().get(), bytes.get(), diagnostics);
    }
    List<String> tried = new ArrayList<>();
    for (Candidate candidate : fallbacks) {
      Optional<byte[]> bytes = read(candidate);
      if (bytes == null) {
        return Optional.empty();
      }
      if (bytes.isPresent()) {
        return SchemaFile.decode(candidate.path().get(), bytes.get(), diagnostics);
      }
      tried.add(candidate.description());
    }
    diagnostics.error(DiagnosticCode.SCHEMA_NOT_FOUND, null,
        "no metrics schema found; looked for " + String.join(", ", tried)
            + ". Name the file with the compiler option -A" + OPTION + "=/path/to/" + RESOURCE
            + " (Maven: <arg>-A" + OPTION + "=${project.basedir}/src/main/resources/" + RESOURCE
            + "</arg> in maven-compiler-plugin's compilerArgs), or put " + RESOURCE
            + " at the root of your resources");
    return Optional.empty();
  }

  /** The bytes, empty when absent, {@code null} when reading failed (reported). */
  private Optional<byte[]> read(Candidate candidate) {
    try {
      return candidate.reader().read();
    } catch (BoundedRead.TooLargeException e) {
      SchemaFile.reportTooLarge(InputKind.SCHEMA, SourcePosition.startOf(candidate.path().get()), e.size(), diagnostics);
      return null;
    } catch (BoundedRead.NotAFileException e) {
      diagnostics.error(DiagnosticCode.SCHEMA_UNREADABLE, null,
          "cannot read the metrics schema at " + candidate.description() + ": " + e.getMessage()
              + "; name the schema file itself");
      return null;
    } catch (IOException e) {
      diagnostics.error(DiagnosticCode.SCHEMA_UNREADABLE, null,
          "cannot read the metrics schema at " + candidate.description() + ": " + e);
      return null;
    }
  }
}
