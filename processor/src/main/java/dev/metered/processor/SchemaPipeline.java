package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.lint.LintConfig;
import dev.metered.processor.lint.Linter;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.processor.schema.SchemaReader;
import dev.metered.processor.schema.YamlLoader;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.validate.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The schema's way from text to a linted model: parse, read, validate with the handlers, lint.
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
    Optional<YamlNode> yaml = new YamlLoader(diagnostics).load(file);
    if (yaml.isEmpty()) {
      return Optional.empty();
    }
    Optional<SchemaDocument> document = new SchemaReader(diagnostics).read(yaml.get());
    return document.isEmpty() || diagnostics.hasErrors() ? Optional.empty() : document;
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
    LintConfig lint = LintConfig.read(document.lint(), options, path, diagnostics);
    if (previous != null) {
      lint.withPreviousCatalog(previous);
    }
    Optional<MetricsModel> model = new SchemaValidator(diagnostics, allHandlers).validate(document, path, handlers);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    new Linter(lint).lint(model.get(), diagnostics);
    return diagnostics.hasErrors() ? Optional.empty() : model;
  }

  /** Reads, validates and lints {@code file} with no handlers and default options. */
  public Optional<MetricsModel> run(SchemaFile file) {
    return read(file).flatMap(document -> check(document, file.path(), List.of(), Map.of(), null));
  }

}
