package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.lint.LintConfig;
import dev.metered.processor.lint.Linter;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.processor.schema.SchemaReader;
import dev.metered.processor.schema.YamlLoader;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.validate.SchemaValidator;
import dev.metered.processor.validate.Validated;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.Diagnostic.Kind;

/**
 * The schema's way from text to a linted model: parse, read, validate with the handlers, lint;
 * for the processor, also what can be generated from a schema with errors.
 * It needs no compiler, so tests can push thousands of schemas through it; every problem lands
 * in {@link Diagnostics} and nothing is thrown.
 */
public final class SchemaPipeline {
  private final Diagnostics diagnostics;

  public SchemaPipeline(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The parsed and shape-checked document, or empty when it has errors (reported). */
  public Optional<SchemaDocument> read(SchemaFile file) {
    Optional<SchemaDocument> document = readAll(file);
    return document.isEmpty() || diagnostics.hasErrors() ? Optional.empty() : document;
  }

  /**
   * The document as far as it could be read, errors or not: the parts with errors are left out
   * and named in {@link SchemaDocument#unread()}. Empty only when nothing can be read from the
   * file (it is no YAML, or its top level no mapping); that error says nothing is generated.
   */
  public Optional<SchemaDocument> readAll(SchemaFile file) {
    int start = diagnostics.size();
    Optional<SchemaDocument> document = new YamlLoader(diagnostics).load(file)
        .flatMap(yaml -> new SchemaReader(diagnostics).read(yaml));
    if (document.isEmpty()) {
      diagnostics.explainFirstErrorSince(start, NotGenerated.NOTHING);
    }
    return document;
  }

  /**
   * Validates and lints a document read by {@link #read}.
   *
   * @param options the processor's options, for lint severities
   * @param previous an earlier build's catalog to compare with, or {@code null}
   * @return the model, or empty when any error was reported
   */
  public Optional<MetricsModel> check(
      SchemaDocument document, String path, List<HandlerSite> handlers, Map<String, String> options,
      PreviousCatalog previous) {
    return check(document, path, handlers, options, previous, true);
  }

  /**
   * Validates and lints a document read by {@link #read}.
   *
   * @param allHandlers whether {@code handlers} are every handler of the program, or only those
   *     of a compilation that holds part of the sources (see {@link SchemaValidator})
   */
  public Optional<MetricsModel> check(
      SchemaDocument document, String path, List<HandlerSite> handlers, Map<String, String> options,
      PreviousCatalog previous, boolean allHandlers) {
    Optional<MetricsModel> model = checkAll(document, path, handlers, options, previous, allHandlers).model();
    return diagnostics.hasErrors() ? Optional.empty() : model;
  }

  /**
   * Validates and lints a document read by {@link #readAll}, keeping what can be generated
   * whatever the errors (see {@link SchemaValidator#validateAll}). Lint findings, errors
   * included, never leave anything out: they are about what Sentry will show, not about what
   * compiles.
   */
  public Validated checkAll(
      SchemaDocument document, String path, List<HandlerSite> handlers, Map<String, String> options,
      PreviousCatalog previous, boolean allHandlers) {
    LintConfig lint = LintConfig.read(document.lint(), options, path, diagnostics);
    Validated validated = new SchemaValidator(diagnostics, allHandlers).validateAll(document, path, handlers);
    if (validated.model().isEmpty()) {
      return validated;
    }
    MetricsModel model = validated.model().get();
    // Against an earlier catalog only a whole model: a family left out is no removed metric.
    if (previous != null && validated.complete()) {
      lint.withPreviousCatalog(previous);
    }
    Diagnostics findings = new Diagnostics();
    new Linter(lint).lint(model, findings);
    Set<String> withErrors = new LinkedHashSet<>(validated.familiesWithErrors());
    for (Diagnostic finding : findings.all()) {
      diagnostics.add(finding);
      if (finding.kind() == Kind.ERROR && finding.position() != null) {
        // Its handlers wait too: a wrapper of a family whose timing metric has a wrong unit
        // would only repeat the finding as an error at every handler.
        familyAt(model, finding.position()).ifPresent(withErrors::add);
      }
    }
    return new Validated(validated.model(), Set.copyOf(withErrors));
  }

  /** The family a schema position is in: the last one that starts before it. */
  private static Optional<String> familyAt(MetricsModel model, SourcePosition position) {
    String found = null;
    for (FamilyModel family : model.families()) {
      SourcePosition start = family.position();
      if (start.file().equals(position.file()) && (start.line() < position.line()
          || start.line() == position.line() && start.column() <= position.column())) {
        found = family.name();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Reads, validates and lints {@code file} with no handlers and default options. */
  public Optional<MetricsModel> run(SchemaFile file) {
    return read(file).flatMap(document -> check(document, file.path(), List.of(), Map.of(), null));
  }

}
