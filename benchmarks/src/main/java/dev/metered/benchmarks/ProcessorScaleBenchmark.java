package dev.metered.benchmarks;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What the processor adds to a large compilation: the {@link SyntheticProject} (1,000 metrics in
 * 100 families, 200 handler classes calling the recorders) compiled in-process by {@code javac},
 * with the processor and without it.
 *
 * <p>Both variants compile the same Java code. {@code with-processor} compiles the handler
 * classes with the processor on the processor path, which reads, validates and lints the schema
 * and generates the 100 recorders that the handlers call. {@code without-processor} compiles
 * the handler classes plus those recorders' sources, generated once at setup, with {@code
 * -proc:none}. The difference is what the processor costs the build: its own work (reading,
 * validating and linting the schema, writing the recorders) and javac's work on its account
 * (looking for the not yet generated recorders that the handlers import, a second round).
 *
 * <p>The compile class path is what a user's has (metered-annotations, metered-runtime, sentry);
 * the processor path is the processor and its dependencies, loaded by {@code javac} in a fresh
 * class loader per compilation as in a build. The module's build copies both to {@code
 * benchmarks/target/processor-scale/}; {@code -Dmetered.scale.lib=DIR} points elsewhere.
 *
 * <p>Setup fails the run unless the project compiles with no error and no warning in both
 * variants, and unless a compilation of several rounds reads the schema exactly once. Each fork
 * also prints lines starting {@code [scale]}: the project's size, the live heap of one
 * compilation, and the compiling thread's CPU time per measured compilation. How to run it and
 * the results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 8)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ProcessorScaleBenchmark {
  /** Where the class path and processor path jars are, when not next to the benchmarks jar. */
  public static final String LIB_PROPERTY = "metered.scale.lib";

  @Param({"with-processor", "without-processor"})
  public String variant;

  /**
   * How the handlers import the recorders: {@code single-type} ({@code import ...F00Metrics;},
   * {@code import ...F00Metrics.Region;}, as the example bot does) or {@code on-demand}
   * ({@code import ...metrics.*;}). Before the first round those imports name classes that do
   * not exist yet, and javac's search for them is part of what the processor costs.
   */
  @Param({"single-type"})
  public String imports;

  private JavaCompiler javac;
  private Path root;
  private SyntheticProject project;
  private String classPath;
  private String processorPath;
  /** The recorders' and wrappers' sources, generated once, for the variant without the processor. */
  private List<Path> generatedRecorders;
  private Path output;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private boolean measuring;
  private long cpuAtStart;
  private final List<Long> measuredCpuNanos = new ArrayList<>();

  @Setup(Level.Trial)
  public void writeProjectAndCheckIt() throws IOException {
    javac = ToolProvider.getSystemJavaCompiler();
    Path lib = libDirectory();
    classPath = jars(lib.resolve("classpath"));
    processorPath = jars(lib.resolve("processorpath"));
    root = Files.createTempDirectory("metered-scale-");
    project = SyntheticProject.write(root.resolve("project"), imports.equals("on-demand"));
    HeapSampler heap = new HeapSampler();
    if (withProcessor()) {
      checkSchemaReadOnce(heap);
    } else {
      Path generated = root.resolve("pregenerated");
      requireClean(compile(true, generated, null, null), "generating the recorders");
      try (Stream<Path> files = Files.walk(generated.resolve("sources"))) {
        generatedRecorders = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
      }
      // A recorder per family and a wrapper per handler class.
      int expected = SyntheticProject.FAMILIES + SyntheticProject.FAMILIES * SyntheticProject.HANDLER_CLASSES_PER_FAMILY;
      if (generatedRecorders.size() != expected) {
        throw new IllegalStateException("expected " + expected + " generated sources, the processor wrote "
            + generatedRecorders.size());
      }
      heap.before = HeapSampler.liveHeap();
      requireClean(compile(false, root.resolve("check-without"), null, heap), "compiling without the processor");
      System.out.printf(Locale.ROOT, "%n[scale] %d families, %d metrics, %d handler classes, %d @Metered methods;"
              + " schema %d lines; handler sources %d lines; generated recorders %d lines%n",
          SyntheticProject.FAMILIES, SyntheticProject.FAMILIES * SyntheticProject.METRICS_PER_FAMILY,
          project.sources().size(), project.sources().size() * SyntheticProject.HANDLERS_PER_CLASS,
          project.schemaLines(), project.sourceLines(), SyntheticProject.javaLines(generated.resolve("sources")));
    }
    System.out.printf(Locale.ROOT, "%n[scale] %s: %s%n", variant, heap);
  }

  @Setup(Level.Iteration)
  public void iterationKind(IterationParams params) {
    measuring = params.getType() == IterationType.MEASUREMENT;
  }

  @Setup(Level.Invocation)
  public void freshOutput() throws IOException {
    output = Files.createTempDirectory(root, "run-");
    cpuAtStart = threads.getCurrentThreadCpuTime();
  }

  /** One whole compilation; a compilation error fails the run. */
  @Benchmark
  public int compile() throws IOException {
    Result result = compile(withProcessor(), output, null, null);
    if (!result.success()) {
      throw new IllegalStateException("the compilation failed: " + result.problems());
    }
    return result.diagnostics().size();
  }

  @TearDown(Level.Invocation)
  public void deleteOutput() {
    long cpu = threads.getCurrentThreadCpuTime() - cpuAtStart;
    if (measuring) {
      measuredCpuNanos.add(cpu);
    }
    delete(output);
  }

  /**
   * Prints the compiling thread's CPU time per measured compilation: less disturbed than the
   * wall time by other processes on a shared machine (javac compiles on one thread; GC and JIT
   * threads are not counted).
   */
  @TearDown(Level.Trial)
  public void reportCpuAndClean() {
    double[] ms = measuredCpuNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    if (ms.length > 0) {
      System.out.printf(Locale.ROOT, "%n[scale] %s: compile-thread CPU time over %d measured compilations:"
              + " mean %.0f ms, median %.0f ms, min %.0f ms%n",
          variant, ms.length, Arrays.stream(ms).average().orElse(0), ms[ms.length / 2], ms[0]);
    }
    delete(root);
  }

  /**
   * The heap in use after a full collection, before a compilation, when annotation processing
   * ends and when the compilation ends (javac's trees and symbols still reachable): what one
   * compilation needs to keep. Measured once per fork, at setup, outside the measured iterations.
   */
  private static final class HeapSampler implements TaskListener {
    long before = -1;
    long afterProcessing = -1;
    long atEnd = -1;

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
        afterProcessing = liveHeap();
      } else if (e.getKind() == TaskEvent.Kind.COMPILATION) {
        atEnd = liveHeap();
      }
    }

    static long liveHeap() {
      for (int i = 0; i < 3; i++) {
        System.gc();
      }
      return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "live heap after a full GC: before the compilation %.1f MB;%s at its end"
              + " %.1f MB (+%.1f MB)", mb(before),
          afterProcessing < 0 ? "" : String.format(Locale.ROOT, " after annotation processing %.1f MB (+%.1f MB);",
              mb(afterProcessing), mb(afterProcessing - before)),
          mb(atEnd), mb(atEnd - before));
    }

    private static double mb(long bytes) {
      return bytes / (1024.0 * 1024.0);
    }
  }

  private boolean withProcessor() {
    return variant.equals("with-processor");
  }

  // ---------------------------------------------------------------------------------------------

  /** What one compilation reported. */
  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    String problems() {
      return diagnostics.stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
          .limit(20)
          .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT))
          .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
  }

  /**
   * Compiles the project into {@code out/classes}. With the processor, the recorders are
   * generated into {@code out/sources}; without, the pre-generated ones are compiled as sources.
   *
   * @param fileManager a wrapper around the standard file manager, or {@code null}
   * @param listener a task listener, or {@code null}
   */
  private Result compile(boolean processor, Path out, FileManagerWrapper fileManager, TaskListener listener)
      throws IOException {
    Path classes = Files.createDirectories(out.resolve("classes"));
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-encoding", "UTF-8",
        "-Xlint:all,-processing",
        "-classpath", classPath,
        "-d", classes.toString()));
    List<Path> sources = new ArrayList<>(project.sources());
    if (processor) {
      Path generated = Files.createDirectories(out.resolve("sources"));
      options.addAll(List.of("-processorpath", processorPath, "-s", generated.toString(), "-Ametered.werror=true"));
      if (fileManager == null) {
        options.add("-Ametered.schema=" + project.schema());
      } else {
        // The schema is found at the root of the class output, through the file manager.
        Files.copy(project.schema(), classes.resolve("metrics.yaml"), StandardCopyOption.REPLACE_EXISTING);
      }
    } else {
      options.add("-proc:none");
      sources.addAll(generatedRecorders);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaFileManager files = fileManager == null ? standard : fileManager.wrap(standard);
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, options, null, standard.getJavaFileObjectsFromPaths(sources));
      if (listener != null) {
        ((JavacTask) task).addTaskListener(listener);
      }
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics());
    }
  }

  interface FileManagerWrapper {
    JavaFileManager wrap(StandardJavaFileManager standard);
  }

  private static void requireClean(Result result, String what) {
    boolean clean = result.success() && result.diagnostics().stream()
        .allMatch(d -> d.getKind() == Diagnostic.Kind.NOTE || d.getKind() == Diagnostic.Kind.OTHER);
    if (!clean) {
      throw new IllegalStateException("the synthetic project must compile with no error and no warning ("
          + what + "):" + result.problems());
    }
  }

  /**
   * "Never re-parses the schema per round": compiles with the schema found through the file
   * manager (at the root of the class output) and counts the rounds and the schema's reads.
   */
  private void checkSchemaReadOnce(HeapSampler heap) throws IOException {
    AtomicInteger rounds = new AtomicInteger();
    AtomicInteger lookups = new AtomicInteger();
    AtomicInteger reads = new AtomicInteger();
    TaskListener roundCounter = new TaskListener() {
      @Override
      public void started(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
          rounds.incrementAndGet();
        }
      }

      @Override
      public void finished(TaskEvent e) {
        heap.finished(e);
      }
    };
    heap.before = HeapSampler.liveHeap();
    Result result = compile(true, root.resolve("check-with"),
        standard -> new SchemaCountingFileManager(standard, lookups, reads), roundCounter);
    requireClean(result, "compiling with the processor");
    if (rounds.get() < 2 || lookups.get() != 1 || reads.get() != 1) {
      throw new IllegalStateException("a compilation of " + rounds + " rounds looked up the schema " + lookups
          + " times and read it " + reads + " times; expected once each");
    }
    System.out.printf(Locale.ROOT, "%n[scale] with the processor: %d annotation processing rounds, the schema"
        + " looked up %d time(s) and read %d time(s)%n", rounds.get(), lookups.get(), reads.get());
  }

  /** Counts the lookups and reads of {@code metrics.yaml} through the file manager. */
  private static final class SchemaCountingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final AtomicInteger lookups;
    private final AtomicInteger reads;

    SchemaCountingFileManager(StandardJavaFileManager standard, AtomicInteger lookups, AtomicInteger reads) {
      super(standard);
      this.lookups = lookups;
      this.reads = reads;
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName)
        throws IOException {
      return counted(relativeName, super.getFileForInput(location, packageName, relativeName));
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName,
        FileObject sibling) throws IOException {
      return counted(relativeName, super.getFileForOutput(location, packageName, relativeName, unwrap(sibling)));
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return super.isSameFile(unwrap(a), unwrap(b));
    }

    private FileObject counted(String relativeName, FileObject file) {
      if (file == null || !relativeName.equals("metrics.yaml")) {
        return file;
      }
      lookups.incrementAndGet();
      return new Counted(file, reads);
    }

    private static FileObject unwrap(FileObject file) {
      return file instanceof Counted counted ? counted.delegate() : file;
    }

    private static final class Counted extends ForwardingFileObject<FileObject> {
      private final AtomicInteger reads;

      Counted(FileObject file, AtomicInteger reads) {
        super(file);
        this.reads = reads;
      }

      FileObject delegate() {
        return fileObject;
      }

      @Override
      public InputStream openInputStream() throws IOException {
        reads.incrementAndGet();
        return super.openInputStream();
      }

      @Override
      public Reader openReader(boolean ignoreEncodingErrors) throws IOException {
        reads.incrementAndGet();
        return super.openReader(ignoreEncodingErrors);
      }

      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
        reads.incrementAndGet();
        return super.getCharContent(ignoreEncodingErrors);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** {@code -Dmetered.scale.lib}, or {@code processor-scale/} next to the benchmarks jar. */
  private static Path libDirectory() {
    String property = System.getProperty(LIB_PROPERTY);
    Path lib;
    if (property != null && !property.isBlank()) {
      lib = Path.of(property);
    } else {
      try {
        Path jar = Path.of(ProcessorScaleBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        lib = jar.toAbsolutePath().getParent().resolve("processor-scale");
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!Files.isDirectory(lib.resolve("classpath")) || !Files.isDirectory(lib.resolve("processorpath"))) {
      throw new IllegalStateException(lib + " must hold classpath/ and processorpath/ (the benchmarks module's"
          + " package phase writes them); or give -D" + LIB_PROPERTY + "=DIR");
    }
    return lib;
  }

  /** The jars in {@code dir}, as a path. */
  private static String jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted()
          .map(p -> p.toAbsolutePath().toString()).collect(Collectors.toList());
      if (jars.isEmpty()) {
        throw new IllegalStateException("no jars in " + dir);
      }
      return String.join(File.pathSeparator, jars);
    }
  }

  private static void delete(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
