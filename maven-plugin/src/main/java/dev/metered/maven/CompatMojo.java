package dev.metered.maven;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.lint.CatalogComparison;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.schema.InputKind;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.tools.Diagnostic.Kind;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compares the build's catalog with the catalog in the jar of an earlier released version,
 * resolved from the repositories like any artifact, and fails (or warns) when an existing
 * metric changed its type, unit or attribute set, or is gone: what breaks dashboards and
 * alerts without a sound. The comparison is the processor's own ({@code MeteredCatalogChange}).
 */
@Mojo(name = "compat", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CompatMojo extends AbstractMojo {
  /** The earlier version of this project to compare with, for example {@code 1.4.0}. */
  @Parameter(property = "metered.previousVersion")
  private String previousVersion;

  /**
   * The earlier artifact as {@code groupId:artifactId:version}, when it is not this project's
   * own groupId and artifactId; takes the place of {@code previousVersion}.
   */
  @Parameter(property = "metered.previousArtifact")
  private String previousArtifact;

  /** Whether a change fails the build; {@code false} logs it as a warning. */
  @Parameter(property = "metered.failOnChange", defaultValue = "true")
  private boolean failOnChange;

  /** The build's catalog, written by the processor next to the classes. */
  @Parameter(defaultValue = "${project.build.outputDirectory}/META-INF/metered/metrics.json")
  private File catalog;

  /** This project's groupId, the default of the earlier artifact's. */
  @Parameter(defaultValue = "${project.groupId}", readonly = true, required = true)
  private String groupId;

  /** This project's artifactId, the default of the earlier artifact's. */
  @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
  private String artifactId;

  /** Skips the goal. */
  @Parameter(property = "metered.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  private RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  private List<RemoteRepository> remoteRepositories;

  private final RepositorySystem repositorySystem;

  /** Maven injects the repository system that resolves the earlier artifact. */
  @Inject
  public CompatMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (metered.skip)");
      return;
    }
    String coordinates = previousCoordinates();
    Diagnostics diagnostics = new Diagnostics();
    Path current = catalog.toPath().toAbsolutePath().normalize();
    Optional<PreviousCatalog> now = InputFiles.read(InputKind.CATALOG, current,
            "no catalog at " + current + "; run metered:compat after the compilation that generates it", diagnostics)
        .flatMap(file -> PreviousCatalog.read(file, diagnostics));
    Optional<PreviousCatalog> before = InputFiles.catalogInJar(resolve(coordinates),
            coordinates + "!/" + InputFiles.CATALOG_ENTRY, diagnostics)
        .flatMap(file -> PreviousCatalog.read(file, diagnostics));
    if (now.isPresent() && before.isPresent()) {
      Kind kind = failOnChange ? Kind.ERROR : Kind.WARNING;
      for (CatalogComparison.Change change : CatalogComparison.compare(before.get(), now.get().metrics())) {
        diagnostics.report(DiagnosticCode.CATALOG_CHANGE, kind, position(change, now.get()), change.message());
      }
    }
    int errors = DiagnosticLog.print(diagnostics, getLog());
    if (errors > 0) {
      throw new MojoFailureException(errors + (errors == 1 ? " problem" : " problems")
          + " comparing the catalog with " + coordinates + "'s");
    }
    getLog().info("The catalog is compatible with " + coordinates + "'s");
  }

  private static SourcePosition position(CatalogComparison.Change change, PreviousCatalog now) {
    PreviousCatalog.Metric metric = now.metrics().get(change.metric());
    if (metric == null) {
      return SourcePosition.startOf(now.path());
    }
    return change.aspect() == CatalogComparison.Aspect.UNIT ? metric.unitPosition() : metric.position();
  }

  private String previousCoordinates() throws MojoExecutionException {
    if (previousArtifact != null && !previousArtifact.isBlank()) {
      if (previousArtifact.strip().split(":", -1).length != 3) {
        throw new MojoExecutionException("<previousArtifact> takes groupId:artifactId:version, not '"
            + previousArtifact + "'");
      }
      return previousArtifact.strip();
    }
    if (previousVersion == null || previousVersion.isBlank()) {
      throw new MojoExecutionException("name the earlier release to compare with: <previousVersion> (of "
          + groupId + ":" + artifactId + ") or <previousArtifact>groupId:artifactId:version</previousArtifact>");
    }
    return groupId + ":" + artifactId + ":" + previousVersion.strip();
  }

  private Path resolve(String coordinates) throws MojoExecutionException {
    String[] parts = coordinates.split(":", -1);
    ArtifactRequest request = new ArtifactRequest(
        new DefaultArtifact(parts[0], parts[1], "jar", parts[2]), remoteRepositories, null);
    try {
      return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("cannot resolve " + coordinates + " to compare catalogs with: "
          + e.getMessage(), e);
    }
  }
}
