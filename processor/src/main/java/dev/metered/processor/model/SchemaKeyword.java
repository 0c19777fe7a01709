package dev.metered.processor.model;

import java.util.Arrays;
import java.util.List;

/** A constant that the schema names by a keyword: a metric type, a delivery mode, a field type. */
public interface SchemaKeyword {
  /** The constant's name in the schema. */
  String keyword();

  /** The constant of {@code type} named {@code keyword}, or {@code null}. */
  static <E extends Enum<E> & SchemaKeyword> E find(Class<E> type, String keyword) {
    for (E constant : type.getEnumConstants()) {
      if (constant.keyword().equals(keyword)) {
        return constant;
      }
    }
    return null;
  }

  /** Every keyword of {@code type}, in declaration order, for messages and suggestions. */
  static <E extends Enum<E> & SchemaKeyword> List<String> keywords(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(SchemaKeyword::keyword).toList();
  }
}
