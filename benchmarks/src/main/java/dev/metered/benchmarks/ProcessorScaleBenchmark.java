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
import java.net.URI;
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
 * What the processor adds to a compilation, with the processor and without it, of one of two
 * projects ({@link #project}): the {@link SyntheticProject} (1,000 metrics in 100 families, 200
 * handler classes calling the recorders) or the example bot's own sources and schema. Compiled
 * in-process by {@code javac} or by a {@code javac} process per compilation ({@link #javac}).
 *
 * <p>Both variants compile the same Java code. {@code with-processor} compiles the handler
 * classes with the processor on the processor path, which reads, validates and lints the schema
 * and generates the 100 recorders that the handlers call. {@code without-processor} compiles
 * the handler classes plus those recorders' sources, generated once at setup, with {@code
 * -proc:none}. The difference is what the processor costs the build: its own work (reading,
 * validating and linting the schema, writing the recorders) and javac's work on its account
 * (looking for the not yet generated recorders that the handlers import, a second round).
 *
 * <p>The compile class path is what a user's has (for the synthetic project metered-annotations,
 * metered-runtime and sentry; for the example bot its compile class path); the processor path is
 * the shaded processor jar alone, as a user's build has it, loaded by {@code javac} in a fresh
 * class loader per compilation. The module's build copies the jars and the example bot's sources
 * to {@code benchmarks/target/processor-scale/}; {@code -Dmetered.scale.lib=DIR} points elsewhere.
 *
 * <p>Setup fails the run unless the project compiles with no error and no warning in both
 * variants, and unless a compilation of several rounds reads the schema exactly once. Each fork
 * also prints lines starting {@code [scale]}: the project's size, the live heap of one
 * compilation, the compiling thread's CPU time per measured compilation, and in-process the part
 * of it spent inside the annotation processing rounds (the processors' own work; with the
 * processor less the floor is Metered's). How to run it and the results: docs/benchmarks.md.
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

  /**
   * {@code with-processor} (Metered's), {@code without-processor} (the sources it generates
   * compiled with {@code -proc:none}), or the floor under any processor that generates them:
   * {@code replay-one-round} and {@code replay-two-rounds}, the {@link ReplayProcessor} writing
   * Metered's output without doing any work, all in the first round (the fewest rounds possible)
   * or the wrappers a round later, as Metered does.
   */
  @Param({"with-processor", "without-processor"})
  public String variant;

  /** How a compilation is run: which processor, and which sources it is given. */
  private enum Variant {
    WITH_PROCESSOR, WITHOUT_PROCESSOR, REPLAY_ONE_ROUND, REPLAY_TWO_ROUNDS;

    static Variant of(String param) {
      return valueOf(param.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    boolean replays() {
      return this == REPLAY_ONE_ROUND || this == REPLAY_TWO_ROUNDS;
    }
  }

  /**
   * What is compiled: {@code synthetic} (the {@link SyntheticProject}) or {@code example-bot}
   * (the example bot's main sources and schema, as its build compiles them).
   */
  @Param({"synthetic", "example-bot"})
  public String project;

  /**
   * How {@code javac} runs: {@code in-process} (the system compiler in this JVM: after the
   * warm-up javac's own code is compiled by the JIT while the processor is loaded afresh every
   * time, as in a build daemon or an IDE) or {@code one-shot} (a {@code javac} process per
   * compilation, where both are cold, as in a single-module command-line build).
   */
  @Param({"in-process"})
  public String javac;

  /**
   * How the handlers import the recorders: {@code single-type} ({@code import ...F00Metrics;},
   * {@code import ...F00Metrics.Region;}, as the example bot does) or {@code on-demand}
   * ({@code import ...metrics.*;}). Before the first round those imports name classes that do
   * not exist yet, and javac's search for them is part of what the processor costs. The
   * synthetic project only; the example bot imports by name.
   */
  @Param({"single-type"})
  public String imports;

  private JavaCompiler compiler;
  private Path root;
  private CompiledProject sources;
  private String classPath;
  private String processorPath;
  /** The recorders' and wrappers' sources, generated once, for the variant without the processor. */
  private List<Path> generatedRecorders;
  private Path output;
  /** The directory holding {@link ReplayProcessor}'s class, the replaying variants' processor path. */
  private Path replayProcessorPath;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private boolean measuring;
  private long cpuAtStart;
  private final List<Long> measuredCpuNanos = new ArrayList<>();
  /** In-process: the compiling thread's CPU time in the processing rounds, per measured compilation. */
  private final List<Long> measuredRoundCpuNanos = new ArrayList<>();
  private RoundTimer roundTimer;
  /** The CPU time of this JVM's finished child processes when the compilation started. */
  private long childCpuAtStart;

  /** The sources, schema and expected output of the compiled project. */
  private record CompiledProject(List<Path> sources, Path schema, int expectedGenerated, String description) {}

  @Setup(Level.Trial)
  public void writeProjectAndCheckIt() throws IOException {
    compiler = ToolProvider.getSystemJavaCompiler();
    Path lib = libDirectory();
    processorPath = jars(lib.resolve("processorpath"));
    root = Files.createTempDirectory("metered-scale-");
    sources = project.equals("example-bot") ? exampleBot(lib) : synthetic(root, imports.equals("on-demand"));
    classPath = jars(project.equals("example-bot") ? lib.resolve("example-bot").resolve("classpath")
        : lib.resolve("classpath"));
    HeapSampler heap = new HeapSampler();
    Variant measured = Variant.of(variant);
    if (measured == Variant.WITH_PROCESSOR) {
      checkSchemaReadOnce(heap);
    } else {
      Path generated = root.resolve("pregenerated");
      requireClean(compile(Variant.WITH_PROCESSOR, generated, null, null), "generating the recorders");
      try (Stream<Path> files = Files.walk(generated.resolve("sources"))) {
        generatedRecorders = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
      }
      if (generatedRecorders.isEmpty()
          || sources.expectedGenerated() >= 0 && generatedRecorders.size() != sources.expectedGenerated()) {
        throw new IllegalStateException("expected " + sources.expectedGenerated()
            + " generated sources, the processor wrote " + generatedRecorders.size());
      }
      if (measured.replays()) {
        replayProcessorPath = replayProcessorPath(root.resolve("replay-processorpath"));
      }
      heap.before = HeapSampler.liveHeap();
      requireClean(compile(measured, root.resolve("check-" + variant), null, heap), "compiling " + variant);
      System.out.printf(Locale.ROOT, "%n[scale] %s: %s; %d sources, %d lines; %d generated sources, %d lines%n",
          project, sources.description(), sources.sources().size(), javaLines(sources.sources()),
          generatedRecorders.size(), javaLines(generatedRecorders));
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
    childCpuAtStart = ChildCpu.nanos();
  }

  /** One whole compilation; a compilation error fails the run. */
  @Benchmark
  public int compile() throws IOException, InterruptedException {
    if (javac.equals("one-shot")) {
      return compileOneShot(Variant.of(variant), output);
    }
    roundTimer = new RoundTimer(threads);
    Result result = compile(Variant.of(variant), output, null, roundTimer);
    if (!result.success()) {
      throw new IllegalStateException("the compilation failed: " + result.problems());
    }
    return result.diagnostics().size();
  }

  @TearDown(Level.Invocation)
  public void deleteOutput() {
    long cpu = javac.equals("one-shot") ? ChildCpu.nanos() - childCpuAtStart
        : threads.getCurrentThreadCpuTime() - cpuAtStart;
    if (measuring) {
      measuredCpuNanos.add(cpu);
      if (roundTimer != null) {
        measuredRoundCpuNanos.add(roundTimer.cpuNanos());
      }
    }
    delete(output);
  }

  /**
   * Prints the CPU time per measured compilation, less disturbed than the wall time by other
   * processes on a shared machine: in-process, the compiling thread's (javac compiles on one
   * thread; GC and JIT threads are not counted); one-shot, the whole {@code javac} process's,
   * every thread counted (where the platform tells it: Linux).
   */
  @TearDown(Level.Trial)
  public void reportCpuAndClean() {
    double[] ms = measuredCpuNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    if (ms.length > 0 && ms[ms.length - 1] > 0) {
      System.out.printf(Locale.ROOT, "%n[scale] %s %s %s: %s CPU time over %d measured compilations:"
              + " mean %.0f ms, median %.0f ms, min %.0f ms%n",
          project, javac, variant, javac.equals("one-shot") ? "javac process" : "compile-thread", ms.length,
          Arrays.stream(ms).average().orElse(0), ms[ms.length / 2], ms[0]);
    }
    double[] rounds = measuredRoundCpuNanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
    if (rounds.length > 0 && rounds[rounds.length - 1] > 0) {
      System.out.printf(Locale.ROOT, "%n[scale] %s %s %s: compile-thread CPU time inside the annotation processing"
              + " rounds (the processors' own work and their Filer calls) over %d measured compilations:"
              + " mean %.0f ms, median %.0f ms, min %.0f ms%n",
          project, javac, variant, rounds.length,
          Arrays.stream(rounds).average().orElse(0), rounds[rounds.length / 2], rounds[0]);
    }
    delete(root);
  }

  private static CompiledProject synthetic(Path root, boolean onDemandImports) throws IOException {
    SyntheticProject synthetic = SyntheticProject.write(root.resolve("project"), onDemandImports);
    return new CompiledProject(synthetic.sources(), synthetic.schema(),
        // A recorder per family and a wrapper per handler class.
        SyntheticProject.FAMILIES + SyntheticProject.FAMILIES * SyntheticProject.HANDLER_CLASSES_PER_FAMILY,
        String.format(Locale.ROOT, "%d families, %d metrics, %d @Metered methods, %s imports; schema %d lines",
            SyntheticProject.FAMILIES, SyntheticProject.FAMILIES * SyntheticProject.METRICS_PER_FAMILY,
            synthetic.sources().size() * SyntheticProject.HANDLERS_PER_CLASS,
            onDemandImports ? "on-demand" : "single-type", synthetic.schemaLines()));
  }

  /** The example bot's main sources and schema, copied by the module's build. */
  private static CompiledProject exampleBot(Path lib) throws IOException {
    Path bot = lib.resolve("example-bot");
    List<Path> java;
    try (Stream<Path> files = Files.walk(bot.resolve("java"))) {
      java = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    Path schema = bot.resolve("resources").resolve("metrics.yaml");
    // Whatever the bot's schema and handlers generate: checked to be the same in both variants.
    return new CompiledProject(java, schema, -1, "the example bot, schema " + Files.readAllLines(schema).size()
        + " lines");
  }

  private static long javaLines(List<Path> files) throws IOException {
    long lines = 0;
    for (Path file : files) {
      lines += Files.readAllLines(file, StandardCharsets.UTF_8).size();
    }
    return lines;
  }

  /**
   * The heap in use after a full collection, before a compilation, when annotation processing
   * ends and when the compilation ends (javac's trees and symbols still reachable): what one
   * compilation needs to keep. Measured once per fork, at setup, outside the measured iterations.
   */
  /**
   * Adds up the compiling thread's CPU time between the start and the end of each annotation
   * processing round: what the processors do, their Filer calls included, and not javac's parsing
   * and entering of what they wrote, which happens between rounds. Less disturbed than the whole
   * compilation's time, it tells Metered's own work apart: with the processor, less the floor.
   */
  private static final class RoundTimer implements TaskListener {
    private final ThreadMXBean threads;
    private long roundStart;
    private long total;

    RoundTimer(ThreadMXBean threads) {
      this.threads = threads;
    }

    @Override
    public void started(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
        roundStart = threads.getCurrentThreadCpuTime();
      }
    }

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
        total += threads.getCurrentThreadCpuTime() - roundStart;
      }
    }

    long cpuNanos() {
      return total;
    }
  }

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

  /**
   * The CPU time, user and system, of this JVM's child processes that have ended and been waited
   * for, every thread of theirs counted: from {@code /proc/self/stat} on Linux, 0 elsewhere.
   */
  private static final class ChildCpu {
    /** Linux's clock ticks per second for these fields (USER_HZ), 100 on every architecture it runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ChildCpu() {}

    static long nanos() {
      try {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        // The fields after the command name, which is in parentheses and may hold spaces:
        // cutime and cstime are the 16th and 17th fields of the line, the 14th and 15th after it.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }
  }

  /** Copies {@link ReplayProcessor}'s class file out of this jar into {@code dir}, its processor path. */
  private static Path replayProcessorPath(Path dir) throws IOException {
    String classFile = ReplayProcessor.class.getName().replace('.', '/') + ".class";
    Path target = dir.resolve(classFile);
    Files.createDirectories(target.getParent());
    try (InputStream in = ReplayProcessor.class.getClassLoader().getResourceAsStream(classFile)) {
      if (in == null) {
        throw new IllegalStateException("no " + classFile + " on the class path");
      }
      Files.copy(in, target);
    }
    return dir;
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
  private Result compile(Variant processor, Path out, FileManagerWrapper fileManager, TaskListener listener)
      throws IOException {
    Path classes = Files.createDirectories(out.resolve("classes"));
    if (fileManager != null) {
      // The schema is found at the root of the class output, through the file manager.
      Files.copy(sources.schema(), classes.resolve("metrics.yaml"), StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> options = options(processor, out, fileManager == null);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      JavaFileManager files = fileManager == null ? standard : fileManager.wrap(standard);
      JavaCompiler.CompilationTask task = compiler.getTask(
          null, files, diagnostics, options, null, standard.getJavaFileObjectsFromPaths(sourceFiles(processor)));
      if (listener != null) {
        ((JavacTask) task).addTaskListener(listener);
      }
      boolean success = task.call();
      return new Result(success, diagnostics.getDiagnostics());
    }
  }

  /**
   * The same compilation as {@link #compile(boolean, Path, FileManagerWrapper, TaskListener)}
   * by the {@code javac} command of the JDK running the benchmark, in a process of its own.
   * Fails the run unless it succeeds with no warning.
   *
   * @return the length of what javac printed
   */
  private int compileOneShot(Variant processor, Path out) throws IOException, InterruptedException {
    Files.createDirectories(out.resolve("classes"));
    List<String> arguments = new ArrayList<>(options(processor, out, true));
    for (Path source : sourceFiles(processor)) {
      arguments.add(source.toString());
    }
    Path argFile = out.resolve("javac-arguments");
    // One argument a line, quoted as javac's @-files read them.
    Files.write(argFile, arguments.stream()
        .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
        .collect(Collectors.toList()), StandardCharsets.UTF_8);
    Path javacCommand = Path.of(System.getProperty("java.home"), "bin", "javac");
    Path log = out.resolve("javac-output");
    Process process = new ProcessBuilder(javacCommand.toString(), "@" + argFile)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    String printed = Files.readString(log, StandardCharsets.UTF_8);
    if (exit != 0 || !printed.isBlank()) {
      throw new IllegalStateException("javac exited with " + exit + ":\n" + printed);
    }
    return printed.length();
  }

  /** The compilation's options: with the processor, {@code -processorpath} and its options. */
  private List<String> options(Variant processor, Path out, boolean schemaOption) throws IOException {
    List<String> options = new ArrayList<>(List.of(
        "--release", "17",
        "-encoding", "UTF-8",
        "-Xlint:all,-processing",
        "-classpath", classPath,
        "-d", out.resolve("classes").toString()));
    if (processor == Variant.WITHOUT_PROCESSOR) {
      options.add("-proc:none");
      return options;
    }
    Path generated = Files.createDirectories(out.resolve("sources"));
    options.addAll(List.of("-s", generated.toString()));
    if (processor.replays()) {
      options.addAll(List.of("-processorpath", replayProcessorPath.toString(),
          "-processor", ReplayProcessor.class.getName(),
          "-Areplay.dir=" + root.resolve("pregenerated").resolve("sources"),
          "-Areplay.rounds=" + (processor == Variant.REPLAY_ONE_ROUND ? "1" : "2")));
      return options;
    }
    options.addAll(List.of("-processorpath", processorPath, "-Ametered.werror=true"));
    if (schemaOption) {
      options.add("-Ametered.schema=" + sources.schema());
    }
    return options;
  }

  /** The project's sources; without the processor, also the sources it generated at setup. */
  private List<Path> sourceFiles(Variant processor) {
    List<Path> files = new ArrayList<>(sources.sources());
    if (processor == Variant.WITHOUT_PROCESSOR) {
      files.addAll(generatedRecorders);
    }
    return files;
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
    Result result = compile(Variant.WITH_PROCESSOR, root.resolve("check-with"),
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

      /**
       * Not a {@code file:} URI, so that the processor reads the schema through this object's
       * streams, which count the reads, rather than straight from the file.
       */
      @Override
      public URI toUri() {
        return URI.create("counted:" + fileObject.toUri().getRawPath());
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
