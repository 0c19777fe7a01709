package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.SourcePosition;
import java.util.List;

/**
 * A YAML node with the position it starts at: the processor's own small tree, so that the rest
 * of the processor never depends on the YAML library.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  /** Where the node starts in the schema file. */
  SourcePosition position();

  /** What kind of node this is, for messages: "a string", "a list", "a mapping". */
  String describe();

  /** What a scalar resolves to under YAML 1.2's core schema. */
  enum ScalarKind {
    STRING("a string"),
    INTEGER("an integer"),
    FLOAT("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    private final String description;

    ScalarKind(String description) {
      this.description = description;
    }
  }

  /**
   * A scalar.
   *
   * @param text the scalar's text as written (unquoted)
   * @param kind what the text resolves to
   * @param shown the text as messages quote it: no more than its first line in the file, cut
   *     to {@link dev.metered.processor.diagnostic.Excerpt#MAX_CHARACTERS}; never {@code text}
   *     itself in a message, which may be a whole file folded into one string
   */
  record Scalar(String text, ScalarKind kind, SourcePosition position, String shown) implements YamlNode {
    @Override
    public String describe() {
      return kind.description + (kind == ScalarKind.NULL ? "" : " ('" + shown + "')");
    }
  }

  /** A mapping, its entries in file order. Keys are unique: duplicates are reported on load. */
  record Mapping(List<Entry> entries, SourcePosition position) implements YamlNode {
    @Override
    public String describe() {
      return "a mapping";
    }

    /** The entry with this key, or {@code null}. */
    public Entry entry(String key) {
      for (Entry entry : entries) {
        if (entry.key().text().equals(key)) {
          return entry;
        }
      }
      return null;
    }
  }

  /** A sequence, its items in file order. */
  record Sequence(List<YamlNode> items, SourcePosition position) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** One entry of a mapping; keys are always scalars. */
  record Entry(Scalar key, YamlNode value) {}
}
