package dev.metered.processor.generate;

import com.squareup.javapoet.CodeBlock;
import dev.metered.processor.model.Field;
import dev.metered.processor.model.MetricModel;
import dev.metered.processor.model.RecorderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How one metric's data points find their series in the generated code.
 *
 * <p>The attributes with closed value sets (enums, booleans) span a
 * {@code dev.metered.runtime.SeriesTable}: every combination is numbered at compile time, and
 * {@link #index()} is the arithmetic that computes a call's number from enum ordinals and
 * booleans, so that recording finds its series (and, when aggregating, its cell) without hashing
 * or allocating. Attributes without a closed set (strings, numbers) cannot be numbered: while
 * one of them is on a data point, the point's series is made from its attributes per call.
 */
final class SeriesPlan {
  /** The largest table generated; {@code dev.metered.runtime.SeriesTable.MAX_SIZE}. */
  static final int MAX_TABLE_SIZE = 10_000;

  /** What the metric's data points use. */
  enum Kind {
    /** Every attribute has a closed value set: always a series of the table. */
    TABLE,
    /** Closed attributes and optional open ones: a series of the table while those are absent. */
    TABLE_UNLESS_OPEN_PRESENT,
    /** An open attribute is always present, or there are too many combinations: attributes per call. */
    ATTRIBUTES
  }

  /**
   * One closed attribute of the metric as a table dimension.
   *
   * @param fallback the metric's default wire value for it, or {@code null}
   */
  record Dimension(FieldCode code, boolean mayBeAbsent, String fallback) {
    String constantName() {
      return code.dimensionName(mayBeAbsent);
    }

    CodeBlock initializer() {
      return code.dimensionInitializer(mayBeAbsent);
    }

    int size() {
      return code.dimensionSize(mayBeAbsent);
    }

    CodeBlock index() {
      return code.dimensionIndex(fallback);
    }
  }

  private final MetricModel metric;
  private final Kind kind;
  private final List<Dimension> dimensions;
  private final List<FieldCode> optionalOpen;
  // Built once: metrics that share an index are found by its text, and rendering a CodeBlock to
  // text runs a whole JavaPoet CodeWriter.
  private final CodeBlock index;
  private final String indexText;

  private SeriesPlan(MetricModel metric, Kind kind, List<Dimension> dimensions, List<FieldCode> optionalOpen) {
    this.metric = metric;
    this.kind = kind;
    this.dimensions = dimensions;
    this.optionalOpen = optionalOpen;
    this.index = buildIndex(dimensions);
    this.indexText = index.toString();
  }

  static SeriesPlan of(MetricModel metric, Map<String, FieldCode> fields) {
    List<Dimension> dimensions = new ArrayList<>();
    List<FieldCode> optionalOpen = new ArrayList<>();
    boolean alwaysOpen = false;
    long size = 1;
    for (Field attribute : metric.attributes()) {
      FieldCode code = fields.get(attribute.key());
      String fallback = metric.defaults().get(attribute.key());
      if (code.isClosed()) {
        Dimension dimension = new Dimension(code, code.mayBeAbsent(fallback), fallback);
        dimensions.add(dimension);
        // Capped just above the largest table, so that many dimensions cannot overflow a long.
        size = Math.min(size * dimension.size(), MAX_TABLE_SIZE + 1L);
      } else if (code.mayBeAbsent(fallback)) {
        optionalOpen.add(code);
      } else {
        alwaysOpen = true;
      }
    }
    Kind kind = alwaysOpen || size > MAX_TABLE_SIZE ? Kind.ATTRIBUTES
        : optionalOpen.isEmpty() ? Kind.TABLE : Kind.TABLE_UNLESS_OPEN_PRESENT;
    return new SeriesPlan(metric, kind, List.copyOf(dimensions), List.copyOf(optionalOpen));
  }

  MetricModel metric() {
    return metric;
  }

  Kind kind() {
    return kind;
  }

  List<Dimension> dimensions() {
    return dimensions;
  }

  /** The open attributes the data points may lack, in the metric's order; its table applies while all are. */
  List<FieldCode> optionalOpen() {
    return optionalOpen;
  }

  /** The constant holding the metric's table, for example {@code USAGE_SERIES}. */
  String tableName() {
    return RecorderNames.table(metric.constantName());
  }

  /** {@code new SeriesTable(USAGE_METRIC, COMMAND_VALUES, ...)}. */
  CodeBlock tableInitializer() {
    List<CodeBlock> arguments = new ArrayList<>();
    arguments.add(CodeBlock.of("$N", EmitWriter.descriptorName(metric)));
    for (Dimension dimension : dimensions) {
      arguments.add(CodeBlock.of("$N", dimension.constantName()));
    }
    return CodeBlock.of("new $T($L)", RuntimeTypes.SERIES_TABLE, CodeBlock.join(arguments, ", "));
  }

  /**
   * The call's series number: the dimensions' indexes in mixed radix, first most significant,
   * for example {@code (command.ordinal() * 3 + commandType.ordinal()) * 2 + (success ? 1 : 0)}.
   */
  CodeBlock index() {
    return index;
  }

  /** {@link #index()} as text: two plans with the same text compute the same number. */
  String indexText() {
    return indexText;
  }

  private static CodeBlock buildIndex(List<Dimension> dimensions) {
    if (dimensions.isEmpty()) {
      return CodeBlock.of("0");
    }
    CodeBlock index = dimensions.get(0).index();
    for (int i = 1; i < dimensions.size(); i++) {
      Dimension dimension = dimensions.get(i);
      CodeBlock scaled = i == 1 ? index : CodeBlock.of("($L)", index);
      index = CodeBlock.of("$L * $L + $L", scaled, dimension.size(), dimension.index());
    }
    return index;
  }
}
