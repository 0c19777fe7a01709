package dev.metered.processor;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.generate.CatalogWriter;
import dev.metered.processor.generate.ClassLists;
import dev.metered.processor.generate.RecorderWriter;
import dev.metered.processor.model.FamilyModel;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.source.JavaLangShadows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The first round's output from the model: a recorder per family, the list of recorders and the
 * catalog, each with the handler classes it depends on as its originating elements (for
 * incremental builds), written through {@link ProcessorFiles}.
 */
final class RecorderFiles {
  private final ProcessorFiles files;
  private final Elements elements;
  private final boolean generatedAnnotation;

  /**
   * @param generatedAnnotation whether {@code javax.annotation.processing.Generated} is there to
   *     mark the recorders with
   */
  RecorderFiles(ProcessorFiles files, Elements elements, boolean generatedAnnotation) {
    this.files = files;
    this.elements = elements;
    this.generatedAnnotation = generatedAnnotation;
  }

  /**
   * Writes the recorders, their list, and the catalog when {@code withCatalog}: never one of a
   * schema with errors.
   *
   * @return what went wrong, to print at once
   */
  Diagnostics write(MetricsModel model, List<HandlerSite> handlers, RoundEnvironment round, boolean withCatalog) {
    PackageElement recorderPackage = elements.getPackageElement(model.javaPackage());
    RecorderWriter writer = new RecorderWriter(generatedAnnotation, recorderPackage == null
        ? Set.of() : JavaLangShadows.in(recorderPackage, elements));
    Diagnostics diagnostics = new Diagnostics();
    // Only the compilation's own sources can clash with a recorder's name. (Looking each name
    // up with Elements.getTypeElement would search every module for classes that do not exist
    // yet: measurably slow with a hundred families. Recorders compiled earlier were handled by
    // SchemaModelLoader.)
    Map<String, Element> sources = new HashMap<>();
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        sources.put(type.getQualifiedName().toString(), type);
      }
    }
    Map<String, Element[]> origins = originatingElements(handlers);
    List<String> recorders = new ArrayList<>();
    for (FamilyModel family : model.families()) {
      String name = model.javaPackage() + "." + family.recorderName();
      if (sources.containsKey(name)) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, sources.get(name), null, null, null,
            "the schema's family '" + family.name() + "' generates " + name
                + ", and this class has that name already; rename one of them");
        continue;
      }
      if (files.writeSource(name, writer.write(model, family), origins.getOrDefault(family.name(), new Element[0]),
          diagnostics)) {
        recorders.add(name);
      }
    }
    if (withCatalog) {
      writeCatalog(model, handlers, diagnostics);
    }
    files.writeResource(ClassLists.RECORDERS_RESOURCE, ClassLists.recorders(recorders), handlerClasses(handlers),
        diagnostics);
    return diagnostics;
  }

  private void writeCatalog(MetricsModel model, List<HandlerSite> handlers, Diagnostics diagnostics) {
    CatalogWriter catalog = new CatalogWriter();
    Element[] origins = handlerClasses(handlers);
    files.writeResource(CatalogWriter.JSON_RESOURCE, catalog.json(model), origins, diagnostics);
    files.writeResource(CatalogWriter.MARKDOWN_RESOURCE, catalog.markdown(model), origins, diagnostics);
  }

  private static Element[] handlerClasses(List<HandlerSite> handlers) {
    return handlers.stream().map(h -> h.method().getEnclosingElement()).distinct().toArray(Element[]::new);
  }

  /**
   * The classes of each family's handlers, by family: what a recorder depends on besides the
   * schema, for incremental builds.
   */
  private static Map<String, Element[]> originatingElements(List<HandlerSite> handlers) {
    Map<String, Set<Element>> byFamily = new HashMap<>();
    for (HandlerSite handler : handlers) {
      if (handler.family() != null) {
        byFamily.computeIfAbsent(handler.family(), family -> new LinkedHashSet<>())
            .add(handler.method().getEnclosingElement());
      }
    }
    Map<String, Element[]> origins = new HashMap<>();
    byFamily.forEach((family, types) -> origins.put(family, types.toArray(new Element[0])));
    return origins;
  }
}
