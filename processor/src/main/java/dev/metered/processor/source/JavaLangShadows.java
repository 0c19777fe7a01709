package dev.metered.processor.source;

import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * The classes of a package that hide a {@code java.lang} class of the same simple name from
 * code in that package: there, {@code String} means the package's {@code String}. Generated code
 * in the package names such {@code java.lang} classes by their qualified name.
 */
public final class JavaLangShadows {
  private JavaLangShadows() {}

  /** The simple names of {@code pkg}'s top-level types that are also {@code java.lang} types. */
  public static Set<String> in(PackageElement pkg, Elements elements) {
    Set<String> names = new TreeSet<>();
    for (Element type : pkg.getEnclosedElements()) {
      String name = type.getSimpleName().toString();
      if (elements.getTypeElement("java.lang." + name) != null) {
        names.add(name);
      }
    }
    return names;
  }
}
