package dev.metered.maven;

import dev.metered.processor.SchemaPipeline;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.lint.LintConfig;
import dev.metered.processor.schema.InputKind;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.SchemaFile;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the processor's schema checks and lint on the schema alone, without compiling: for CI
 * and pre-commit hooks. Errors fail the build and warnings are logged, each in the processor's
 * {@code [Code] FILE:LINE:COLUMN: message} form. What needs the Java sources (the
 * {@code @Metered} handlers) is checked by the compilation only.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
  /** The schema to check; the same file as the processor's {@code -Ametered.schema} option. */
  @Parameter(property = "metered.schema", defaultValue = "${project.basedir}/src/main/resources/metrics.yaml")
  private File schema;

  /**
   * Lint severities by code, as the processor's {@code -Ametered.lint.CODE=SEVERITY} options:
   * {@code <lint><MeteredCounterUnit>off</MeteredCounterUnit></lint>}; also {@code series_budget}.
   */
  @Parameter
  private Map<String, String> lint = Map.of();

  /** Turns every lint warning into an error, as the processor's {@code -Ametered.werror=true}. */
  @Parameter(property = "metered.werror", defaultValue = "false")
  private boolean werror;

  /** Skips the goal. */
  @Parameter(property = "metered.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipped (metered.skip)");
      return;
    }
    Diagnostics diagnostics = new Diagnostics();
    SchemaPipeline pipeline = new SchemaPipeline(diagnostics);
    Optional<SchemaFile> file = InputFiles.read(InputKind.SCHEMA, schema.toPath().toAbsolutePath().normalize(),
        "no schema at " + schema + "; set <schema> (or -Dmetered.schema) to your metrics.yaml", diagnostics);
    Optional<SchemaDocument> document = file.flatMap(pipeline::read);
    if (document.isPresent()) {
      pipeline.check(document.get(), file.get().path(), List.of(), processorOptions(), null);
    }
    int errors = DiagnosticLog.print(diagnostics, getLog());
    if (errors > 0) {
      throw new MojoFailureException("the schema " + schema + " has " + errors + (errors == 1 ? " error" : " errors"));
    }
    getLog().info("The schema " + schema + " passed Metered's checks");
  }

  /** The goal's configuration as the processor's options, so both read it the same way. */
  private Map<String, String> processorOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    if (lint != null) {
      lint.forEach((code, severity) -> options.put(LintConfig.OPTION_PREFIX + code, severity));
    }
    options.put(LintConfig.WERROR_OPTION, Boolean.toString(werror));
    return options;
  }
}
