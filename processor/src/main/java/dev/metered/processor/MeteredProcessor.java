package dev.metered.processor;

import dev.metered.processor.diagnostic.Diagnostic;
import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.NotGenerated;
import dev.metered.processor.generate.ClassLists;
import dev.metered.processor.generate.WrapperWriter;
import dev.metered.processor.lint.LintConfig;
import dev.metered.processor.lint.PreviousCatalog;
import dev.metered.processor.model.MetricsModel;
import dev.metered.processor.model.WrapperModel;
import dev.metered.processor.schema.SchemaLocator;
import dev.metered.processor.source.HandlerScanner;
import dev.metered.processor.source.HandlerSite;
import dev.metered.processor.source.WrapperModelBuilder;
import dev.metered.processor.source.WrapperTypes;
import dev.metered.processor.validate.HandlerShapeValidator;
import dev.metered.processor.validate.HandlerSupplyValidator;
import dev.metered.processor.validate.Validated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * The Metered annotation processor: reads the metrics schema once per compilation, checks it
 * and the {@code @Metered} handlers, and writes one recorder class per family.
 *
 * <p>It keeps the rounds and is the one class that prints: what a round does is done by
 * {@link SchemaModelLoader} (the schema to a model, in the first round), {@link RecorderFiles}
 * (the recorders, their list and the catalog) and the wrapper classes of {@code validate/},
 * {@code source/} and {@code generate/}; {@link ProcessorFiles} owns the filer and the files.
 * Everything it calls collects problems in {@link Diagnostics} instead of throwing. It claims
 * no annotations, so other processors still see every annotation of a round;
 * {@link MeteredAnnotationsClaim} claims {@code @Metered} and {@code @Attr} once this class has
 * read them.
 */
public final class MeteredProcessor extends AbstractProcessor {
  /**
   * The rounds this processor has run in, for {@link MeteredAnnotationsClaim}: javac hands every
   * processor of a round the same {@link RoundEnvironment}. Weak, so finished compilations (and
   * several compilations in one JVM) leave nothing behind.
   */
  private static final Set<RoundEnvironment> PROCESSED_ROUNDS =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  /** Reads the schema and the earlier catalog, writes what is generated; set in {@link #init}. */
  private ProcessorFiles files;
  private boolean schemaProcessed;
  /** What could be generated from the schema, errors or not; wrappers are written from it. */
  private MetricsModel model;
  /** Families with errors of their own: their handlers get no wrapper method until fixed. */
  private Set<String> familiesWithErrors = Set.of();
  /** Handlers with an error of their own ({@link #handlerKey}): their wrappers leave them out. */
  private final Set<String> refusedHandlers = new HashSet<>();
  /**
   * The first round's problems, printed once the wrappers are written ({@link LaterRound}): after
   * an error javac runs no further normal round, and a wrapper written in its last round costs a
   * warning.
   */
  private LaterRound firstRoundProblems;
  /**
   * Whether the recorders were compiled before this compilation, which then holds only part of
   * the sources: they are used as they are, and only wrappers are written.
   */
  private boolean recordersOnClassPath;
  /** Classes with handlers whose wrappers are still to be written, by qualified name. */
  private final Set<String> pendingWrappers = new LinkedHashSet<>();
  /**
   * The wrappers written so far, by the binary name of their handler class, for the wrapper list
   * ({@link ClassLists#WRAPPERS_RESOURCE}) written in the last round.
   */
  private final Map<String, String> writtenWrappers = new TreeMap<>();
  private final Set<Element> wrapperOrigins = new LinkedHashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    files = new ProcessorFiles(processingEnv);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // "*": recorders are generated from the schema even in a compilation with no @Metered
    // handler, for code that only calls them.
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    // javac warns about options no processor declares, so every lint option is listed.
    Set<String> options = new LinkedHashSet<>(
        List.of(SchemaLocator.OPTION, LintConfig.WERROR_OPTION, PreviousCatalog.OPTION));
    for (String key : LintConfig.configurableKeys()) {
      options.add(LintConfig.OPTION_PREFIX + key);
    }
    return options;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** Whether a {@code MeteredProcessor} has run in {@code round}. */
  static boolean hasProcessed(RoundEnvironment round) {
    return PROCESSED_ROUNDS.contains(round);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    PROCESSED_ROUNDS.add(round);
    try {
      List<HandlerSite> handlers = new HandlerScanner(processingEnv.getElementUtils()).scan(round);
      if (!schemaProcessed) {
        schemaProcessed = true;
        processSchema(handlers, round);
      } else {
        // A later round's sources are generated ones: a handler among them came too late.
        Diagnostics diagnostics = new Diagnostics();
        for (HandlerSite handler : handlers) {
          diagnostics.error(DiagnosticCode.GENERATED_HANDLER, handler.method(), handler.annotation(), null, null,
              "@Metered handlers must be in sources written by hand: this one was generated in a later"
                  + " round, after the recorders were written, so it records nothing");
        }
        print(diagnostics);
        if (!pendingWrappers.isEmpty()) {
          writeWrappers(round);
        }
      }
      if (round.processingOver()) {
        writeWrapperList();
      }
    } catch (RuntimeException e) {
      // A bug of ours must not surface as "an annotation processor threw an uncaught exception".
      processingEnv.getMessager().printMessage(Kind.ERROR,
          DiagnosticCode.INTERNAL_ERROR.tag() + " Metered failed unexpectedly (" + e
              + "); please report it with the schema that caused it");
    }
    return false;
  }

  private void processSchema(List<HandlerSite> handlers, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics();
    SchemaModelLoader loader = new SchemaModelLoader(files, processingEnv.getElementUtils(), processingEnv.getOptions());
    Optional<Validated> validated = loader.load(handlers, round, diagnostics);
    recordersOnClassPath = loader.recordersCompiledBefore();
    Optional<MetricsModel> generable = validated.flatMap(Validated::model);
    if (generable.isPresent()) {
      checkHandlerShapes(handlers, diagnostics);
    }
    refuseHandlersWithErrors(handlers, diagnostics);
    if (generable.isEmpty() || generable.get().families().isEmpty()) {
      // No recorder to write, so no later round to write the wrappers in: none stays pending.
      pendingWrappers.clear();
      if (!recordersOnClassPath && diagnostics.hasErrors()) {
        writeWrappersWithoutSchema(handlers);
      }
      print(diagnostics);
      return;
    }
    model = generable.get();
    familiesWithErrors = validated.get().familiesWithErrors();
    if (recordersOnClassPath) {
      // Nothing is generated for a later round to see, so the wrappers are written now:
      // their types resolve already, the recorders being on the class path.
      print(diagnostics);
      writeWrappers(round);
      return;
    }
    print(new RecorderFiles(files, processingEnv.getElementUtils(), generatedAnnotationAvailable())
        .write(model, handlers, round, !diagnostics.hasErrors()));
    if (pendingWrappers.isEmpty()) {
      print(diagnostics);
    } else {
      firstRoundProblems = new LaterRound(diagnostics);
    }
  }

  /**
   * Refuses handlers no wrapper can override, in the first round; the others' wrappers are
   * written in a later round, once the recorders they refer to exist. A class no wrapper can
   * extend gets none; a method no wrapper can override is left out of its class's wrapper.
   */
  private void checkHandlerShapes(List<HandlerSite> handlers, Diagnostics diagnostics) {
    HandlerShapeValidator shapes = new HandlerShapeValidator(diagnostics);
    for (Map.Entry<TypeElement, List<HandlerSite>> entry : byOwner(handlers).entrySet()) {
      if (shapes.check(entry.getKey(), entry.getValue())) {
        pendingWrappers.add(entry.getKey().getQualifiedName().toString());
      }
    }
  }

  /**
   * Remembers each handler that an error was reported on (its method or one of its parameters),
   * so that its class's wrapper leaves it out rather than be left out itself.
   */
  private void refuseHandlersWithErrors(List<HandlerSite> handlers, Diagnostics diagnostics) {
    Set<Element> atFault = new HashSet<>();
    for (Diagnostic diagnostic : diagnostics.all()) {
      if (diagnostic.kind() == Kind.ERROR && diagnostic.element() != null) {
        atFault.add(diagnostic.element());
      }
    }
    for (HandlerSite handler : handlers) {
      if (atFault.contains(handler.method()) || handler.method().getParameters().stream().anyMatch(atFault::contains)) {
        refusedHandlers.add(handlerKey(handler));
      }
    }
  }

  /**
   * A handler's name across rounds, in which javac makes new elements: its class, its name and
   * its overload ({@link dev.metered.processor.source.Overloads}).
   */
  private static String handlerKey(HandlerSite handler) {
    return handler.owner().getQualifiedName() + "#" + handler.method().getSimpleName() + "#" + handler.overload();
  }

  /** Whether a handler gets its wrapper method: it and its family are free of errors. */
  private boolean isWrapped(HandlerSite handler) {
    return !refusedHandlers.contains(handlerKey(handler)) && !familiesWithErrors.contains(handler.family())
        && isGenerated(handler.family());
  }

  private boolean isGenerated(String family) {
    return model.families().stream().anyMatch(generated -> generated.name().equals(family));
  }

  private static Map<TypeElement, List<HandlerSite>> byOwner(List<HandlerSite> handlers) {
    Map<TypeElement, List<HandlerSite>> byType = new LinkedHashMap<>();
    for (HandlerSite handler : handlers) {
      byType.computeIfAbsent(handler.owner(), type -> new ArrayList<>()).add(handler);
    }
    return byType;
  }

  /** Writes the wrappers whose types are resolved now; the rest wait for a later round. */
  private void writeWrappers(RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics();
    WrapperModelBuilder builder = new WrapperModelBuilder(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    HandlerSupplyValidator supplies = new HandlerSupplyValidator(processingEnv.getTypeUtils(), diagnostics, model);
    HandlerScanner scanner = new HandlerScanner(processingEnv.getElementUtils());
    WrapperWriter writer = new WrapperWriter(generatedAnnotationAvailable());
    for (String name : List.copyOf(pendingWrappers)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      List<HandlerSite> sites = type == null ? List.of() : scanner.scan(type);
      if (sites.isEmpty()) {
        pendingWrappers.remove(name);
        continue;
      }
      List<HandlerSite> wrapped = sites.stream().filter(this::isWrapped).toList();
      if (!WrapperTypes.resolved(type, wrapped)) {
        if (round.processingOver()) {
          // A file written now would come too late for the code that names it.
          HandlerSite first = WrapperTypes.firstUnresolved(type, wrapped).orElse(sites.get(0));
          diagnostics.error(DiagnosticCode.HANDLER_UNRESOLVED, first.method(), first.annotation(), null, null,
              "a type in the signature of this handler or of " + type.getSimpleName() + " never became known,"
                  + " so no wrapper could be written; check the imports of " + type.getSimpleName()
                  + NotGenerated.wrapper(WrapperModelBuilder.wrapperName(type).simpleName()));
          pendingWrappers.remove(name);
        }
        continue;
      }
      pendingWrappers.remove(name);
      writeWrapper(writer, builder.build(type, supplies.validate(wrapped), model), type, diagnostics);
    }
    if (firstRoundProblems != null) {
      print(firstRoundProblems.inThisRound(processingEnv.getElementUtils()));
      firstRoundProblems = null;
    }
    print(diagnostics);
  }

  /**
   * Writes the list of this compilation's wrappers, once every wrapper is written (in the last
   * round: a wrapper waits for the rounds its types need). A compilation that wrote none writes
   * no list.
   */
  private void writeWrapperList() {
    if (writtenWrappers.isEmpty()) {
      return;
    }
    Diagnostics diagnostics = new Diagnostics();
    files.writeResource(ClassLists.WRAPPERS_RESOURCE, ClassLists.wrappers(writtenWrappers),
        wrapperOrigins.toArray(new Element[0]), diagnostics);
    writtenWrappers.clear();
    print(diagnostics);
  }

  private void writeWrapper(WrapperWriter writer, WrapperModel wrapper, TypeElement type, Diagnostics diagnostics) {
    if (files.writeSource(wrapper.wrapper().canonicalName(), writer.write(wrapper), new Element[] {type}, diagnostics)) {
      writtenWrappers.put(processingEnv.getElementUtils().getBinaryName(type).toString(),
          wrapper.wrapper().reflectionName());
      wrapperOrigins.add(type);
    }
  }

  /**
   * With no schema to generate from, the wrappers are still written, timing nothing, so that
   * the code naming them adds no error to the one that says why nothing else is generated. Only
   * those whose types resolve now: after that error javac runs no normal round again.
   */
  private void writeWrappersWithoutSchema(List<HandlerSite> handlers) {
    Diagnostics ignored = new Diagnostics();
    HandlerShapeValidator shapes = new HandlerShapeValidator(ignored);
    WrapperModelBuilder builder = new WrapperModelBuilder(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    WrapperWriter writer = new WrapperWriter(generatedAnnotationAvailable());
    for (Map.Entry<TypeElement, List<HandlerSite>> entry : byOwner(handlers).entrySet()) {
      TypeElement type = entry.getKey();
      if (shapes.check(type, entry.getValue()) && WrapperTypes.resolvedTimingNothing(type, entry.getValue())) {
        writeWrapper(writer, builder.build(type, List.of(), null), type, ignored);
      }
    }
  }

  private boolean generatedAnnotationAvailable() {
    return processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
  }

  private void print(Diagnostics diagnostics) {
    for (Diagnostic diagnostic : diagnostics.all()) {
      if (diagnostic.element() == null) {
        processingEnv.getMessager().printMessage(diagnostic.kind(), diagnostic.formatted());
      } else {
        processingEnv.getMessager().printMessage(diagnostic.kind(), diagnostic.formatted(),
            diagnostic.element(), diagnostic.annotation(), diagnostic.value());
      }
    }
  }
}
