package dev.metered.processor.source;

import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
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
    // Looked up in java.base alone where there are modules: without a module javac looks for
    // each missing name in every module of the platform, a measurable part of a compilation
    // when repeated for every class of a package. (Listing java.lang's members instead would
    // read all of its class files.)
    ModuleElement javaBase = elements.getModuleElement("java.base");
    Set<String> names = new TreeSet<>();
    for (Element type : pkg.getEnclosedElements()) {
      String name = type.getSimpleName().toString();
      String javaLangName = "java.lang." + name;
      TypeElement javaLangType = javaBase == null
          ? elements.getTypeElement(javaLangName) : elements.getTypeElement(javaBase, javaLangName);
      if (javaLangType != null) {
        names.add(name);
      }
    }
    return names;
  }
}
