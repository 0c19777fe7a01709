package dev.metered.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Makes the next compilation regenerate the recorders and the catalog when the schema changed
 * since the last generation, so that editing only {@code metrics.yaml} takes effect without
 * {@code mvn clean}.
 *
 * <p>maven-compiler-plugin recompiles only when a Java source, a dependency or the set of source
 * files changed; a schema is none of these. The set of source files is the one it keeps itself:
 * {@code target/maven-status/maven-compiler-plugin/compile/<execution>/inputFiles.lst}, compared
 * with the sources of each build. This goal deletes that list when the schema's hash differs
 * from the one it stamped last time, so the compiler plugin sees "added or removed source files"
 * and recompiles the module as after any source change: it deletes its generated sources and
 * the classes it created, and javac runs the processor on the new schema. No source file is
 * touched.
 */
@Mojo(name = "prepare", defaultPhase = LifecyclePhase.PROCESS_SOURCES, threadSafe = true)
public final class PrepareMojo extends AbstractMojo {
  /** The compiler plugin's record of the source files of its last compilation. */
  static final String COMPILER_INPUT_FILES = "inputFiles.lst";

  /** The schema the processor reads; the same file as its {@code -Ametered.schema} option. */
  @Parameter(property = "metered.schema", defaultValue = "${project.basedir}/src/main/resources/metrics.yaml")
  private File schema;

  /** The build directory, where the stamp and the compiler plugin's status are. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  /** Skips the goal. */
  @Parameter(property = "metered.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipped (metered.skip)");
      return;
    }
    Path schemaPath = schema.toPath();
    if (!Files.isRegularFile(schemaPath)) {
      getLog().debug("No schema at " + schemaPath + "; nothing to prepare");
      return;
    }
    Path stamp = buildDirectory.toPath().resolve("metered").resolve("schema.sha256");
    try {
      String hash = sha256(schemaPath);
      if (Files.isRegularFile(stamp) && Files.readString(stamp, StandardCharsets.UTF_8).strip().equals(hash)) {
        getLog().debug("The schema is unchanged since the last generation");
        return;
      }
      List<Path> deleted = forgetCompiledSources();
      if (!deleted.isEmpty()) {
        getLog().info("The schema " + schemaPath + " changed since the last generation: the next compilation"
            + " regenerates the recorders and the catalog");
      }
      Files.createDirectories(stamp.getParent());
      Files.writeString(stamp, hash + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot compare the schema with the last generation: " + e.getMessage(), e);
    }
  }

  /** Deletes the compiler plugin's list of compiled sources of every main compile execution. */
  private List<Path> forgetCompiledSources() throws IOException {
    Path status = buildDirectory.toPath().resolve("maven-status/maven-compiler-plugin/compile");
    List<Path> deleted = new ArrayList<>();
    if (!Files.isDirectory(status)) {
      return deleted;
    }
    try (Stream<Path> executions = Files.list(status)) {
      for (Path execution : (Iterable<Path>) executions::iterator) {
        Path inputFiles = execution.resolve(COMPILER_INPUT_FILES);
        if (Files.deleteIfExists(inputFiles)) {
          deleted.add(inputFiles);
        }
      }
    }
    return deleted;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
