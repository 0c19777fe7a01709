package dev.metered.processor;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the classes a compilation produced, so that tests can run generated recorders and
 * assert what they record, not only what they look like.
 */
final class GeneratedClasses extends ClassLoader {
  private final Map<String, byte[]> classes = new HashMap<>();

  /**
   * The classes of {@code compilation}, which must have succeeded: otherwise an
   * {@link AssertionError} with every diagnostic it reported.
   */
  static GeneratedClasses ofSuccessful(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new AssertionError("the compilation failed:\n" + Compilations.describe(compilation));
    }
    return new GeneratedClasses(compilation);
  }

  GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        // "/CLASS_OUTPUT/test/Driver.class" -> "test.Driver"
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf('/', 1) + 1, path.length() - ".class".length()).replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  /** The compiled classes' bytes, by binary name. */
  Map<String, byte[]> bytes() {
    return Map.copyOf(classes);
  }

  /** A new instance of the compiled class {@code name}, made with its no-argument constructor. */
  <T> T instantiate(String name, Class<T> as) {
    try {
      return as.cast(loadClass(name).getDeclaredConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot instantiate " + name, e);
    }
  }
}
