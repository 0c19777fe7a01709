package dev.metered.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import de.thetaphi.forbiddenapis.Checker;
import de.thetaphi.forbiddenapis.ForbiddenApiException;
import de.thetaphi.forbiddenapis.Logger;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The build's forbidden-apis check rejects calls that read the default locale, charset or time
 * zone. The check is configured in the root pom.xml; this test reads that configuration (and
 * each module's override of it), runs forbidden-apis' own {@link Checker} with it on compiled
 * classes, and so fails when the configuration stops catching such a call, in any module.
 */
class ForbiddenApisBuildTest {
  /** Surefire runs in the module's directory; every module sits directly under the root. */
  private static final Path MODULE_DIR = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE_DIR.getParent();
  private static final String PLUGIN = "forbiddenapis";

  /** Each call depends on the machine it runs on; main code may contain none of them. */
  private static final Map<String, String> FORBIDDEN = Map.ofEntries(
      Map.entry("UpperCase", "String s = \"given\".toUpperCase();"),
      Map.entry("LowerCase", "String s = \"SIZE\".toLowerCase();"),
      Map.entry("Format", "String s = String.format(\"%.1f\", 1.5);"),
      Map.entry("Formatted", "String s = \"%d\".formatted(1);"),
      Map.entry("NewFormatter", "Object f = new java.util.Formatter();"),
      Map.entry("BytesToString", "String s = new String(new byte[] {65});"),
      Map.entry("StringToBytes", "byte[] b = \"A\".getBytes();"),
      Map.entry("Reader", "Object r = new java.io.InputStreamReader(java.io.InputStream.nullInputStream());"),
      Map.entry("FileReader", "try { new java.io.FileReader(\"f\").close(); } catch (java.io.IOException e) {}"),
      Map.entry("Pattern", "Object f = java.time.format.DateTimeFormatter.ofPattern(\"yyyy\");"),
      Map.entry("Today", "Object d = java.time.LocalDate.now();"),
      Map.entry("SystemZone", "Object z = java.time.ZoneId.systemDefault();"),
      Map.entry("DefaultTimeZone", "Object z = java.util.TimeZone.getDefault();"),
      Map.entry("DefaultCharset", "Object c = java.nio.charset.Charset.defaultCharset();"),
      Map.entry("DefaultLocale", "Object l = java.util.Locale.getDefault();"));

  /** What main code writes instead; the check must leave it alone. */
  private static final String ALLOWED = """
      String a = "given".toUpperCase(java.util.Locale.ROOT);
      String b = String.format(java.util.Locale.ROOT, "%.1f", 1.5);
      String c = new String(new byte[] {65}, java.nio.charset.StandardCharsets.UTF_8);
      byte[] d = "A".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Object e = java.time.format.DateTimeFormatter.ofPattern("yyyy", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);
      String f = String.valueOf(1.5);
      Object g = java.time.Instant.now();
      """;

  /** The classes above, compiled once: class name to bytes. */
  private static final Map<String, byte[]> COMPILED = compile();

  static Stream<String> modules() throws Exception {
    Element root = pom(ROOT.resolve("pom.xml"));
    List<String> modules = texts(child(root, "modules"), "module");
    assertThat(modules).contains("processor", "runtime", "annotations", "example-bot", "benchmarks");
    return modules.stream();
  }

  @Test
  void theRootPomRunsTheCheckInEveryModulesBuild() throws Exception {
    Element plugin = plugin(child(pom(ROOT.resolve("pom.xml")), "build"))
        .orElseThrow(() -> new AssertionError("the root pom's <build><plugins> has no forbiddenapis plugin"));
    assertThat(text(plugin, "inherited")).as("<inherited>").isNotEqualTo("false");
    List<Element> executions = children(child(plugin, "executions"), "execution");
    assertThat(executions)
        .as("an execution of the check goal in the default phase (verify)")
        .anyMatch(execution -> texts(child(execution, "goals"), "goal").contains("check")
            && text(execution, "phase") == null);
  }

  @ParameterizedTest
  @MethodSource("modules")
  void theModulesConfigurationRejectsEveryLocaleCharsetOrZoneDependentCall(String module) throws Exception {
    List<String> errors = new ArrayList<>();
    Checker checker = checker(module, errors);
    for (String name : FORBIDDEN.keySet()) {
      addClass(checker, name);
    }

    assertThatThrownBy(checker::run).isInstanceOf(ForbiddenApiException.class);
    String log = String.join("\n", errors);
    for (String name : FORBIDDEN.keySet()) {
      assertThat(log).as("module %s lets %s through: %s", module, name, FORBIDDEN.get(name))
          .contains("in test." + name + " ");
    }
    assertThat(log).contains("java.lang.String#toUpperCase() [Uses default locale]");
  }

  @ParameterizedTest
  @MethodSource("modules")
  void theModulesConfigurationAcceptsTheExplicitForms(String module) throws Exception {
    List<String> errors = new ArrayList<>();
    Checker checker = checker(module, errors);
    addClass(checker, "Explicit");

    checker.run();
    assertThat(errors).isEmpty();
  }

  /** A checker configured as the module's build configures the plugin. */
  private static Checker checker(String module, List<String> errors) throws Exception {
    Element rootPom = pom(ROOT.resolve("pom.xml"));
    Element shared = child(plugin(child(child(rootPom, "build"), "pluginManagement"))
        .orElseThrow(() -> new AssertionError("no forbiddenapis in the root pom's pluginManagement")), "configuration");
    Optional<Element> own = plugin(child(pom(ROOT.resolve(module).resolve("pom.xml")), "build"));
    Element override = own.map(plugin -> child(plugin, "configuration")).orElse(null);
    own.ifPresent(plugin -> children(child(plugin, "executions"), "execution").forEach(execution ->
        assertThat(text(execution, "phase")).as("module %s moves the check out of the build", module).isNotEqualTo("none")));
    assertThat(text(override, "skip")).as("module %s skips the check", module).isNotEqualTo("true");

    Map<String, String> properties = new HashMap<>();
    for (Element property : children(child(rootPom, "properties"), null)) {
      properties.put(property.getTagName(), property.getTextContent().strip());
    }
    properties.put("project.basedir", ROOT.resolve(module).toString());

    Checker checker = new Checker(new CollectingLogger(errors), ForbiddenApisBuildTest.class.getClassLoader(),
        Checker.Option.FAIL_ON_VIOLATION, Checker.Option.FAIL_ON_MISSING_CLASSES, Checker.Option.FAIL_ON_UNRESOLVABLE_SIGNATURES);
    assertThat(checker.isSupportedJDK).as("forbidden-apis supports this JDK").isTrue();
    String release = properties.get("maven.compiler.release");
    for (String bundled : texts(list(override, shared, "bundledSignatures"), "bundledSignature")) {
      checker.addBundledSignatures(bundled, release);
    }
    for (String file : texts(list(override, shared, "signaturesFiles"), "signaturesFile")) {
      checker.parseSignaturesFile(new File(interpolate(file, properties)));
    }
    return checker;
  }

  /** Maven replaces a list in a child's configuration whole, so the module's own wins. */
  private static Element list(Element override, Element shared, String name) {
    Element own = child(override, name);
    return own != null ? own : child(shared, name);
  }

  private static void addClass(Checker checker, String name) throws IOException {
    checker.addClassToCheck(new ByteArrayInputStream(COMPILED.get("test." + name)), name + ".class");
  }

  private static Map<String, byte[]> compile() {
    List<JavaFileObject> sources = new ArrayList<>();
    Map<String, String> bodies = new TreeMap<>(FORBIDDEN);
    bodies.put("Explicit", ALLOWED);
    bodies.forEach((name, body) -> sources.add(JavaFileObjects.forSourceString("test." + name,
        "package test;\n@SuppressWarnings(\"deprecation\")\nclass " + name + " {\n  void call() {\n" + body + "\n  }\n}\n")));
    Compilation compilation = javac().withOptions("--release", "17").compile(sources);
    assertThat(compilation.status()).as(Compilations.describe(compilation)).isEqualTo(Compilation.Status.SUCCESS);
    return new GeneratedClasses(compilation).bytes();
  }

  private static String interpolate(String text, Map<String, String> properties) {
    Matcher reference = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
    String result = text;
    while (reference.find()) {
      String value = properties.get(reference.group(1));
      assertThat(value).as("property %s", reference.group(1)).isNotNull();
      result = result.replace(reference.group(), interpolate(value, properties));
    }
    return result;
  }

  private static Element pom(Path file) throws Exception {
    assertThat(file).exists();
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  /** The forbiddenapis plugin among {@code section}'s plugins. */
  private static Optional<Element> plugin(Element section) {
    return children(child(section, "plugins"), "plugin").stream()
        .filter(plugin -> PLUGIN.equals(text(plugin, "artifactId")))
        .findFirst();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Child elements named {@code name}, or all of them when it is null. */
  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent != null) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element element && (name == null || element.getTagName().equals(name))) {
          found.add(element);
        }
      }
    }
    return found;
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().strip();
  }

  private static List<String> texts(Element parent, String name) {
    return children(parent, name).stream().map(element -> element.getTextContent().strip()).collect(Collectors.toList());
  }

  /** Keeps what the checker reports as errors, the violations among them. */
  private record CollectingLogger(List<String> errors) implements Logger {
    @Override
    public void error(String message) {
      errors.add(message);
    }

    @Override
    public void warn(String message) {
      errors.add("warning: " + message);
    }

    @Override
    public void info(String message) {}

    @Override
    public void debug(String message) {}
  }
}
