package dev.metered.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles a schema and sources with the processor, the way a user's build does. */
final class Compilations {
  private Compilations() {}

  /** Compiles {@code sources} with the schema text written to {@code dir/metrics.yaml}. */
  static Compilation compile(Path dir, String schema, JavaFileObject... sources) {
    return compileBytes(dir, schema.getBytes(StandardCharsets.UTF_8), sources);
  }

  /** Compiles no sources, with the schema text written to {@code dir/metrics.yaml}, and {@code options}. */
  static Compilation compileSchema(Path dir, String schema, List<String> options) {
    Path file = dir.resolve("metrics.yaml");
    try {
      Files.writeString(file, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> all = new ArrayList<>(List.of("-Ametered.schema=" + file));
    all.addAll(options);
    return compileWithOptions(all);
  }

  /** Compiles {@code sources} with the schema bytes written to {@code dir/metrics.yaml}. */
  static Compilation compileBytes(Path dir, byte[] schema, JavaFileObject... sources) {
    Path file = dir.resolve("metrics.yaml");
    try {
      Files.write(file, schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return compileWithOptions(List.of("-Ametered.schema=" + file), sources);
  }

  /** Compiles {@code sources} with the processor and the given options. */
  static Compilation compileWithOptions(List<String> options, JavaFileObject... sources) {
    return compileWithProcessors(List.of(new MeteredProcessor()), options, sources);
  }

  /** Compiles {@code sources} with exactly {@code processors}, in that order, and the given options. */
  static Compilation compileWithProcessors(List<? extends Processor> processors, List<String> options,
      JavaFileObject... sources) {
    return javac().withProcessors(processors).withOptions(withRelease(options)).compile(withDefault(sources));
  }

  /** Compiles with an explicit class path: the test's own plus {@code extra}. */
  static Compilation compileWithClasspath(List<File> extra, JavaFileObject... sources) {
    return compileWithClasspath(extra, List.of(), sources);
  }

  /** Compiles with an explicit class path, the test's own plus {@code extra}, and options. */
  static Compilation compileWithClasspath(List<File> extra, List<String> options, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>(extra);
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return javac().withProcessors(new MeteredProcessor())
        .withClasspath(classpath)
        .withOptions(withRelease(options))
        .compile(withDefault(sources));
  }

  private static List<String> withRelease(List<String> options) {
    List<String> all = new ArrayList<>(options);
    all.add("--release");
    all.add("17");
    return all;
  }

  /** Javac needs at least one source; a compilation with none gets an empty class. */
  private static JavaFileObject[] withDefault(JavaFileObject[] sources) {
    return sources.length > 0 ? sources
        : new JavaFileObject[] {JavaFileObjects.forSourceString("test.Empty", "package test; class Empty {}")};
  }

  /** A source file from lines. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** The errors' messages. */
  static List<String> errors(Compilation compilation) {
    return compilation.errors().stream()
        .map(error -> error.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** Every diagnostic of a kind, for failure messages. */
  static String describe(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " ")
            + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  /** The one error with {@code code}; fails when there is not exactly one. */
  static Diagnostic<? extends JavaFileObject> onlyError(Compilation compilation, String code) {
    List<Diagnostic<? extends JavaFileObject>> matching = compilation.errors().stream()
        .filter(error -> error.getMessage(Locale.ROOT).contains("[" + code + "]"))
        .collect(Collectors.toList());
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one [" + code + "] error, got " + matching.size() + ":\n" + describe(compilation));
    }
    return matching.get(0);
  }
}
