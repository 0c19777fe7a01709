package dev.metered.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.metered.processor.model.JavaNames;
import dev.metered.runtime.MeteredRuntime;
import dev.metered.runtime.MetricSink;
import dev.metered.runtime.testing.RecordedMetric;
import dev.metered.runtime.testing.RecordingSink;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The property of issue 11: whatever text the schema and the annotations hold, the generated
 * program is the one the same schema with plain text gives. Random nasty strings (unicode
 * escapes, comment ends, tags, quotes, backslashes, line and paragraph separators, lone
 * surrogates, very long text) go into every text slot at once; the nasty compilation and its
 * plain twin must have the same members (by reflection: Java names derived from the text
 * follow JavaNames' documented rules, so the twin's text is chosen to give the same names) and
 * record the same data points, with each plain text replaced by its nasty counterpart.
 */
class SchemaTextPropertyTest {
  private static final long SEED = 0x11_2026L;
  private static final int TRIALS = 6;

  /** Every text slot of the schema and of the handler's annotations. */
  enum Slot {
    // Prose: only ever shown, so the twin's text is any plain text.
    FAMILY_DESCRIPTION(Role.PROSE),
    ENUM_DESCRIPTION(Role.PROSE),
    STRING_DESCRIPTION(Role.PROSE),
    INPUT_DESCRIPTION(Role.PROSE),
    METRIC_DESCRIPTION(Role.PROSE),
    // Wire text: sent to Sentry as written.
    UNIT(Role.WIRE),
    STRING_DEFAULT(Role.WIRE),
    OMIT_WHEN(Role.WIRE),
    WHEN_OPERAND(Role.WIRE),
    METRIC_DEFAULT(Role.WIRE),
    // Wire text that Java names are made from.
    ENUM_VALUE(Role.CONSTANT),
    HANDLER_VALUE(Role.CONSTANT),
    METRIC_NAME(Role.METRIC_CONSTANT),
    ENUM_KEY(Role.MEMBER),
    STRING_KEY(Role.MEMBER);

    final Role role;

    Slot(Role role) {
      this.role = role;
    }
  }

  enum Role { PROSE, WIRE, CONSTANT, METRIC_CONSTANT, MEMBER }

  /** Pieces that broke, or could break, some output context. */
  private static final List<String> NASTY = List.of(
      "\\u", "\\u002a/", "\\u000a", "\\\\u0022", "*/", "/*", "/**", "{@code", "{@link x}", "@param", "@", "}", "{",
      "\"", "'", "\\", "\\\\", "$", "$S", "$L", "%s", "%n", "\u2028", "\u2029", "\r", "\n", "\r\n", "\t",
      "\u0085", "\u0000", "\u000b", "\f", "\ud800", "\udc00", "\ud83d\ude00", "\u00e9", "<b>", "&amp;", "&", "|",
      "`", "```", "#", "=", ",", " ", "//", "\uFEFF", "\u202e");

  @TempDir Path dir;

  @Test
  void nastyTextInEverySlotGivesThePlainSchemasProgram() throws Exception {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIALS; trial++) {
      Map<Slot, String> nasty = new EnumMap<>(Slot.class);
      for (Slot slot : Slot.values()) {
        // One trial with very long text, except in YAML keys: YAML caps those at 1,024 characters.
        boolean yamlKey = slot == Slot.ENUM_KEY || slot == Slot.STRING_KEY || slot == Slot.METRIC_NAME;
        nasty.put(slot, nastyText(random, slot, trial == 0 && !yamlKey ? 3000 : 12));
      }
      Map<Slot, String> plain = twins(nasty);
      Program expected = Program.of(compile("plain" + trial, plain), plain);
      Program actual = Program.of(compile("nasty" + trial, nasty), nasty);

      String why = "trial " + trial + " with " + describe(nasty);
      assertThat(actual.members).as(why).isEqualTo(expected.members);
      Map<String, String> plainToNasty = new LinkedHashMap<>();
      for (Slot slot : Slot.values()) {
        String prefix = slot == Slot.METRIC_NAME ? "shop.order." : "";
        if (slot.role != Role.PROSE) {
          plainToNasty.put(prefix + plain.get(slot), prefix + nasty.get(slot));
        }
      }
      assertThat(actual.recorded).as(why).isEqualTo(expected.recorded(plainToNasty));
    }
  }

  /** A slot's text: a prefix that keeps it acceptable, then nasty pieces and random characters. */
  private static String nastyText(Random random, Slot slot, int pieces) {
    StringBuilder text = new StringBuilder(prefix(slot));
    for (int i = 0; i < pieces; i++) {
      String piece = random.nextInt(4) == 0
          ? String.valueOf((char) random.nextInt(Character.MAX_VALUE + 1))
          : NASTY.get(random.nextInt(NASTY.size()));
      // '=' ends the key of "key=value" in @Metered(attributes = ...); keys are plain there.
      text.append(slot.role == Role.MEMBER ? piece.replace("=", "") : piece);
    }
    // @Metered(attributes = ...) trims the value, as it trims the spaces of "key = value".
    return text.append(prefix(slot)).toString();
  }

  /** What the validator needs at the start: a letter for keys, distinct prefixes for names. */
  private static String prefix(Slot slot) {
    return switch (slot) {
      case ENUM_KEY -> "ka";
      case STRING_KEY -> "kb";
      case ENUM_VALUE -> "va";
      case HANDLER_VALUE -> "vb";
      case METRIC_NAME -> "m";
      default -> "t";
    };
  }

  /** Plain text for each slot that gives the same Java names as the nasty text. */
  private static Map<Slot, String> twins(Map<Slot, String> nasty) {
    Map<Slot, String> plain = new EnumMap<>(Slot.class);
    for (Slot slot : Slot.values()) {
      String text = nasty.get(slot);
      plain.put(slot, switch (slot.role) {
        case PROSE, WIRE -> "plain" + slot.ordinal();
        case CONSTANT -> JavaNames.constantName(text).toLowerCase(Locale.ROOT);
        case METRIC_CONSTANT -> JavaNames.metricConstant("shop.order." + text, "shop", "order").toLowerCase(Locale.ROOT);
        case MEMBER -> JavaNames.memberName(text);
      });
    }
    return plain;
  }

  private Compilation compile(String name, Map<Slot, String> text) throws IOException {
    Path schema = dir.resolve(name + ".yaml");
    Files.writeString(schema, schema(text), StandardCharsets.UTF_8);
    return Compilations.compileWithOptions(List.of("-Ametered.schema=" + schema), handler(text));
  }

  static String schema(Map<Slot, String> text) {
    return """
        schema: 1
        namespace: shop
        package: test.metrics
        lint: {MeteredMetricName: off, MeteredAttributeKey: off, MeteredUnknownUnit: off, MeteredMetricSize: off}
        families:
          order:
            description: %1$s
            attributes:
              %2$s: {type: enum, values: [%3$s, other], description: %4$s}
              step: {type: enum, from_handlers: true}
              %5$s: {type: string, max_length: 100000, max_values: 5, default: %6$s, description: %7$s}
              note: {type: string, max_length: 100000, optional: true, omit_when: %8$s}
              success: boolean
            inputs:
              duration: {type: double, description: %9$s}
            metrics:
              %10$s: {type: distribution, unit: millisecond, value: duration, description: %11$s}
              shop.order.count: {type: counter, unit: %12$s}
              shop.order.matched:
                type: counter
                when: {%5$s: %13$s, %2$s: %3$s}
                attributes: [%2$s, note]
                defaults: {note: %14$s}
        """.formatted(
        yaml(text.get(Slot.FAMILY_DESCRIPTION)), yaml(text.get(Slot.ENUM_KEY)), yaml(text.get(Slot.ENUM_VALUE)),
        yaml(text.get(Slot.ENUM_DESCRIPTION)), yaml(text.get(Slot.STRING_KEY)), yaml(text.get(Slot.STRING_DEFAULT)),
        yaml(text.get(Slot.STRING_DESCRIPTION)), yaml(text.get(Slot.OMIT_WHEN)), yaml(text.get(Slot.INPUT_DESCRIPTION)),
        yaml("shop.order." + text.get(Slot.METRIC_NAME)), yaml(text.get(Slot.METRIC_DESCRIPTION)),
        yaml(text.get(Slot.UNIT)), yaml(text.get(Slot.WHEN_OPERAND)), yaml(text.get(Slot.METRIC_DEFAULT)));
  }

  /** A handler whose annotations carry the slots' text as Java string literals. */
  static JavaFileObject handler(Map<Slot, String> text) {
    return Compilations.source("test.Orders", """
        package test;

        import dev.metered.annotations.Attr;
        import dev.metered.annotations.Metered;

        public class Orders {
          @Metered(family = "order", attributes = {%s, %s})
          public void place(@Attr(%s) String label) {
            if (label.isEmpty()) {
              throw new IllegalStateException("no label");
            }
          }
        }
        """.formatted(java("step=" + text.get(Slot.HANDLER_VALUE)),
        java(text.get(Slot.ENUM_KEY) + "=" + text.get(Slot.ENUM_VALUE)), java(text.get(Slot.STRING_KEY))));
  }

  /** The members and the recorded data points of one compilation. */
  record Program(List<String> members, List<String> recorded) {
    /** Drives the recorder and the wrapper by reflection, so that one driver fits every compilation's names. */
    static Program of(Compilation compilation, Map<Slot, String> text) throws Exception {
      GeneratedClasses classes = GeneratedClasses.ofSuccessful(compilation);
      Class<?> recorder = classes.loadClass("test.metrics.OrderMetrics");
      Class<?> wrapper = classes.loadClass("test.Orders_Metered");
      List<String> members = new ArrayList<>();
      describeMembers(recorder, members);
      describeMembers(wrapper, members);
      return new Program(members, record(classes, recorder, wrapper, text));
    }

    /** {@code recorded} with each plain text replaced by its nasty counterpart. */
    List<String> recorded(Map<String, String> plainToNasty) {
      return recorded.stream().map(line -> {
        String replaced = line;
        for (Map.Entry<String, String> entry : plainToNasty.entrySet()) {
          replaced = replaced.replace("\u0001" + entry.getKey() + "\u0001", "\u0001" + entry.getValue() + "\u0001");
        }
        return replaced;
      }).toList();
    }
  }

  private static void describeMembers(Class<?> type, List<String> out) {
    out.add("type " + Modifier.toString(type.getModifiers()) + " " + type.getName()
        + " extends " + type.getGenericSuperclass() + " implements " + Arrays.toString(type.getGenericInterfaces()));
    if (type.isEnum()) {
      out.add("constants " + Arrays.toString(type.getEnumConstants()));
    }
    Stream.of(type.getDeclaredFields())
        .map(field -> "field " + Modifier.toString(field.getModifiers()) + " " + field.getGenericType().getTypeName()
            + " " + field.getName())
        .sorted().forEach(out::add);
    Stream.of(type.getDeclaredConstructors())
        .map(constructor -> "constructor " + Modifier.toString(constructor.getModifiers()) + " "
            + Arrays.toString(constructor.getGenericParameterTypes()))
        .sorted().forEach(out::add);
    Stream.of(type.getDeclaredMethods())
        .map(method -> "method " + Modifier.toString(method.getModifiers()) + " " + method.getGenericReturnType().getTypeName()
            + " " + method.getName() + Arrays.toString(method.getGenericParameterTypes()))
        .sorted().forEach(out::add);
    Stream.of(type.getDeclaredClasses()).sorted((a, b) -> a.getName().compareTo(b.getName()))
        .forEach(nested -> describeMembers(nested, out));
  }

  /** Two recorder calls and two wrapper calls, each data point as one line of text. */
  private static List<String> record(GeneratedClasses classes, Class<?> recorder, Class<?> wrapper, Map<Slot, String> text)
      throws Exception {
    Class<?> kind = Stream.of(recorder.getDeclaredClasses()).filter(Class::isEnum)
        .filter(c -> !c.getSimpleName().equals("Step")).findFirst().orElseThrow();
    Class<?> step = classes.loadClass("test.metrics.OrderMetrics$Step");
    Class<?> event = classes.loadClass("test.metrics.OrderMetrics$Event");
    Method setLabel = Stream.of(event.getMethods())
        .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == String.class && !m.getName().equals("note"))
        .findFirst().orElseThrow();
    Method setNote = event.getMethod("note", String.class);
    Object value = kind.getEnumConstants()[0];
    Object handlerStep = step.getEnumConstants()[0];
    RecordingSink sink = new RecordingSink();
    Object metrics = recorder.getConstructor(MetricSink.class).newInstance(sink);
    List<String> lines = new ArrayList<>();

    recorder.getMethod("record", kind, step, boolean.class, double.class).invoke(metrics, value, handlerStep, true, 5.0);
    Object labelled = recorder.getMethod("event", kind, step, boolean.class, double.class)
        .invoke(metrics, value, handlerStep, false, 6.0);
    lines.add("wire values " + wireValues(kind) + " " + wireValues(step));
    lines.addAll(describe(sink.recorded()));
    sink.clear();
    // The operand of `when` as the label; note set to omit_when, so the metric's default applies.
    Object labelledEvent = setNote.invoke(setLabel.invoke(labelled, text.get(Slot.WHEN_OPERAND)), text.get(Slot.OMIT_WHEN));
    labelledEvent.getClass().getMethod("record").invoke(labelledEvent);
    lines.addAll(describe(sink.recorded()));
    sink.clear();

    MeteredRuntime.setGlobalSink(sink);
    try {
      Object handler = wrapper.getConstructor().newInstance();
      Method place = wrapper.getMethod("place", String.class);
      place.invoke(handler, text.get(Slot.WHEN_OPERAND));
      try {
        place.invoke(handler, "");
      } catch (InvocationTargetException expected) {
        lines.add("threw " + expected.getCause().getClass().getName());
      }
    } finally {
      MeteredRuntime.resetGlobalSink();
    }
    lines.addAll(describe(sink.recorded().stream()
        // Durations differ from run to run; that one was recorded is what matters here.
        .map(point -> point.metric().type().name().equals("DISTRIBUTION") ? new RecordedMetric(point.metric(), 0, point.attributes()) : point)
        .toList()));
    return lines;
  }

  private static String wireValues(Class<?> enumType) throws Exception {
    List<String> values = new ArrayList<>();
    for (Object constant : enumType.getEnumConstants()) {
      values.add("\u0001" + enumType.getMethod("wireValue").invoke(constant) + "\u0001");
    }
    return values.toString();
  }

  /** Each point as text; every string in it between \u0001 marks, for exact substitution. */
  private static List<String> describe(List<RecordedMetric> points) {
    return points.stream().map(point -> "\u0001" + point.name() + "\u0001 " + point.type() + " \u0001"
            + point.metric().unit() + "\u0001 " + point.value() + " " + point.attributes().asList().stream()
            .map(a -> "\u0001" + a.key() + "\u0001=" + (a.value() instanceof String s ? "\u0001" + s + "\u0001" : a.value()))
            .collect(Collectors.joining(", ")))
        .toList();
  }

  /** {@code text} as a YAML double-quoted scalar: every character outside printable ASCII escaped. */
  static String yaml(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c >= 0x7f) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /**
   * {@code text} as a Java string literal in the test's own handler source. A backslash after a
   * lone high surrogate is an octal escape: javac 17 misreads the usual one there.
   */
  static String java(String text) {
    StringBuilder out = new StringBuilder("\"");
    char previous = 0;
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append(Character.isHighSurrogate(previous) ? "\\134" : "\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
      previous = c;
    }
    return out.append('"').toString();
  }

  private static String describe(Map<Slot, String> text) {
    return text.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + java(entry.getValue().length() > 200 ? entry.getValue().substring(0, 200) + "..." : entry.getValue()))
        .collect(Collectors.joining(", "));
  }
}
