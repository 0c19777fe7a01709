package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.model.JavaNames;
import dev.metered.processor.model.RecorderNames;
import dev.metered.processor.schema.SchemaDocument;
import dev.metered.processor.schema.SchemaFile;
import dev.metered.processor.schema.YamlNode;
import dev.metered.processor.source.CompiledRecorders;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.validate.Validated;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/**
 * The first round's way from the schema file to the model: found and read through
 * {@link ProcessorFiles}, run through the {@link SchemaPipeline} with the handlers, and checked
 * against what only the compilation knows (the modules that own a package, recorders compiled
 * before). One per compilation.
 */
final class SchemaModelLoader {
  private final ProcessorFiles files;
  private final Elements elements;
  private final Map<String, String> options;
  private boolean recordersCompiledBefore;

  SchemaModelLoader(ProcessorFiles files, Elements elements, Map<String, String> options) {
    this.files = files;
    this.elements = elements;
    this.options = options;
  }

  /**
   * Whether the last {@link #load} found every recorder compiled before this compilation, which
   * then holds only part of the sources: they are used as they are, and only wrappers are
   * written.
   */
  boolean recordersCompiledBefore() {
    return recordersCompiledBefore;
  }

  /**
   * Reads, validates and lints the schema with the first round's handlers.
   *
   * @return what can be generated, errors or not; empty when nothing can (reported)
   */
  Optional<Validated> load(List<HandlerSite> handlers, RoundEnvironment round, Diagnostics diagnostics) {
    int start = diagnostics.size();
    Optional<SchemaFile> file = files.locateSchema(diagnostics);
    if (file.isEmpty()) {
      diagnostics.explainFirstErrorSince(start, NotGenerated.NOTHING);
      return Optional.empty();
    }
    SchemaPipeline pipeline = new SchemaPipeline(diagnostics);
    Optional<SchemaDocument> document = pipeline.readAll(file.get());
    if (document.isEmpty()) {
      return Optional.empty();
    }
    boolean packageIsOurs = checkPackageIsOurs(document.get().javaPackage(), round, diagnostics);
    if (recordersOnClassPath(document.get(), round)) {
      recordersCompiledBefore = true;
      return handlers.isEmpty() ? Optional.empty() : Optional.of(checkAgainstCompiledRecorders(document.get(),
          file.get(), handlers, diagnostics));
    }
    PreviousCatalog previous = files.readPreviousCatalog(diagnostics).orElse(null);
    Validated validated = pipeline.checkAll(document.get(), file.get().path(), handlers, options,
        previous, true);
    return Optional.of(packageIsOurs ? validated : new Validated(Optional.empty(), validated.familiesWithErrors()));
  }

  /**
   * The model for a compilation that holds only part of the sources (a test compilation, an IDE
   * recompiling one file): the recorders were compiled before and are used as they are, since
   * generating them from this part's handlers would lose the values the other handlers add. The
   * handlers compiled now are checked against the schema, each other and the compiled enums,
   * and get their wrappers; a note says what could not be checked.
   */
  private Validated checkAgainstCompiledRecorders(
      SchemaDocument document, SchemaFile file, List<HandlerSite> handlers, Diagnostics diagnostics) {
    Diagnostics checks = new Diagnostics();
    Validated validated = new SchemaPipeline(checks)
        .checkAll(document, file.path(), handlers, options, null, false);
    for (Diagnostic diagnostic : checks.all()) {
      // The schema's warnings were reported by the compilation that generated the recorders.
      if (diagnostic.kind() == Kind.ERROR || diagnostic.element() != null) {
        diagnostics.add(diagnostic);
      }
    }
    if (validated.model().isEmpty()) {
      return validated;
    }
    new CompiledRecorders(elements, diagnostics).checkHandlers(handlers, validated.model().get());
    diagnostics.note(DiagnosticCode.PARTIAL_COMPILATION, handlers.get(0).method(), handlers.get(0).annotation(),
        "the recorders of " + file.path() + " were compiled before, so this compilation holds only part of the"
            + " sources: its " + handlers.size() + " @Metered handler(s) are checked against the schema, each other"
            + " and the compiled recorders, and their wrappers are written, but whether a handler compiled"
            + " earlier records the same event ([" + DiagnosticCode.DUPLICATE_HANDLER.code() + "]) is checked"
            + " only by a build of all the sources");
    return validated;
  }

  /**
   * Reports a package that a named module other than this compilation's own holds, such as the
   * JDK's {@code javax.annotation.processing}: javac refuses a class in it ("package exists in
   * another module"). Whether a package is one depends on the compilation's modules, so this is
   * checked here rather than with the schema's other rules.
   *
   * @return whether the recorders can be generated in the package
   */
  private boolean checkPackageIsOurs(YamlNode.Scalar javaPackage, RoundEnvironment round, Diagnostics diagnostics) {
    if (javaPackage == null || !SourceVersion.isName(javaPackage.text())
        || JavaNames.isPlatformPackage(javaPackage.text())) {
      return true; // reported with the schema's other rules
    }
    Set<ModuleElement> own = new HashSet<>();
    for (Element root : round.getRootElements()) {
      ModuleElement module = elements.getModuleOf(root);
      if (module != null) {
        own.add(module);
      }
    }
    for (PackageElement existing : elements.getAllPackageElements(javaPackage.text())) {
      ModuleElement module = elements.getModuleOf(existing);
      if (module != null && !module.isUnnamed() && !own.contains(module)) {
        diagnostics.error(DiagnosticCode.BAD_NAME, javaPackage.position(),
            "the package '" + javaPackage.text() + "' belongs to the module " + module.getQualifiedName()
                + ", so no class of this compilation can be in it; use your own, such as 'com.example.metrics'"
                + NotGenerated.NOTHING);
        return false;
      }
    }
    return true;
  }

  /** Whether every family's recorder is already on the class path, compiled earlier. */
  private boolean recordersOnClassPath(SchemaDocument document, RoundEnvironment round) {
    if (document.javaPackage() == null || document.families().isEmpty()) {
      return false;
    }
    for (SchemaDocument.Family family : document.families()) {
      String name = document.javaPackage().text() + "." + RecorderNames.recorder(family.name());
      TypeElement existing = elements.getTypeElement(name);
      if (existing == null || round.getRootElements().contains(existing)) {
        return false;
      }
    }
    return true;
  }
}
