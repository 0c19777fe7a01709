package dev.metered.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The floor under any annotation processor that generates what Metered generates: it does no work
 * of its own and writes, through the {@code Filer}, the sources Metered generated for the project
 * at the benchmark's setup, read from {@code -Areplay.dir}. What a compilation with it costs more
 * than one of the same sources with {@code -proc:none} is javac's alone: looking up the imports of
 * classes that do not exist yet, the {@code Filer}'s checks, parsing the new sources and
 * re-entering every class at each round.
 *
 * <p>{@code -Areplay.rounds=1} writes every source in the first round, which gives the fewest
 * rounds any generator can have (3: the one that writes, the one that finds nothing new, and
 * javac's last). {@code -Areplay.rounds=2} writes the wrappers ({@code *_Metered}) a round after
 * the recorders, as Metered does (4 rounds).
 *
 * <p>Not registered as a service: the benchmark names it with {@code -processor} on a processor
 * path of its own.
 */
public final class ReplayProcessor extends AbstractProcessor {
  private int round;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("replay.dir", "replay.rounds");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
    round++;
    boolean wrappersLater = "2".equals(processingEnv.getOptions().get("replay.rounds"));
    if (round == 1) {
      write(source -> !wrappersLater || !isWrapper(source));
    } else if (round == 2 && wrappersLater) {
      write(ReplayProcessor::isWrapper);
    }
    return false;
  }

  private static boolean isWrapper(Path source) {
    return source.getFileName().toString().endsWith("_Metered.java");
  }

  private void write(Predicate<Path> which) {
    Path dir = Path.of(processingEnv.getOptions().get("replay.dir"));
    for (Path source : sources(dir)) {
      if (!which.test(source)) {
        continue;
      }
      String relative = dir.relativize(source).toString();
      String name = relative.substring(0, relative.length() - ".java".length()).replace(source.getFileSystem()
          .getSeparator(), ".");
      try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        out.write(Files.readString(source, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Path> sources(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
