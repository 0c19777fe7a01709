package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.DiagnosticCode;
import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.diagnostic.SourcePosition;
import dev.metered.processor.schema.YamlNode.ScalarKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses the schema's YAML into a {@link YamlNode} tree that keeps every node's position.
 *
 * <p>YAML 1.2 (snakeyaml-engine, core schema): {@code no} and {@code off} are strings, not
 * booleans. Syntax errors, duplicate keys, several documents, aliases that loop and nesting
 * deeper than any schema needs are reported, never thrown.
 */
public final class YamlLoader {
  /** Far deeper than the schema's format goes; guards against pathological input. */
  private static final int MAX_DEPTH = 32;
  /** A word, a ':' and more without a space: how {@code type:enum} reads in a flow mapping. */
  private static final Pattern GLUED_KEY = Pattern.compile("[^:\\s]+:[^:\\s].*");

  private final Diagnostics diagnostics;
  private String path;
  private InputKind kind;
  private String[] lines;

  public YamlLoader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Parses {@code file}.
   *
   * @return the document's root, or empty when a problem was reported
   */
  public Optional<YamlNode> load(SchemaFile file) {
    this.path = file.path();
    this.kind = file.kind();
    this.lines = file.text().split("\r\n|\r|\n", -1);
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.path())
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(50)
            // The file was read within its kind's limit already; this only keeps the parser's
            // own default (3 MB) from refusing a large catalog.
            .setCodePointLimit(file.text().length() + 1)
            // One buffer for the whole file: snakeyaml-engine 2.10 fails on a surrogate pair
            // split across two buffer fills (an emoji at an unlucky offset).
            .setBufferSize(file.text().length() + 1)
            .build();
    List<Node> documents = new ArrayList<>();
    try {
      try {
        Iterator<Node> iterator = new Compose(settings).composeAllFromString(file.text()).iterator();
        while (iterator.hasNext()) {
          documents.add(iterator.next());
        }
      } catch (StackOverflowError e) {
        // The composer recurses once per level; the parser does not, and finds where.
        Optional<Mark> tooDeep = firstTooDeep(settings, file.text());
        if (tooDeep.isEmpty()) {
          throw e;
        }
        tooDeep(position(tooDeep.get()));
        return Optional.empty();
      }
    } catch (MarkedYamlEngineException e) {
      YamlSyntaxError.Explained explained = new YamlSyntaxError(path, lines).explain(e, kind.syntax());
      diagnostics.error(kind.invalid(), explained.position(), notValid() + ": " + explained.message());
      return Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      // YamlEngineException, or a fault inside the parser: reported, never thrown at javac. It
      // has no position, and may have no message.
      diagnostics.error(
          kind.invalid(),
          SourcePosition.startOf(path),
          notValid() + ", and the " + kind.syntax() + " parser says only: " + whatWentWrong(e, null)
              + "; check the file's syntax");
      return Optional.empty();
    }
    if (documents.isEmpty()) {
      diagnostics.error(kind.empty(), SourcePosition.startOf(path), kind.noDocumentMessage());
      return Optional.empty();
    }
    if (documents.size() > 1) {
      diagnostics.error(
          kind.invalid(),
          position(documents.get(1)),
          kind.file() + " holds " + documents.size() + " YAML documents; keep one per file and"
              + " remove the '---' separators");
      return Optional.empty();
    }
    return convert(documents.get(0), 0, new IdentityHashMap<>());
  }

  /**
   * @param enclosing the collections that contain {@code node}: an alias to one of them would
   *     make the tree endless
   */
  private Optional<YamlNode> convert(Node node, int depth, Map<Node, Boolean> enclosing) {
    if (!(node instanceof ScalarNode) && enclosing.containsKey(node)) {
      diagnostics.error(
          DiagnosticCode.SCHEMA_SYNTAX,
          position(node),
          "an alias inside this node refers back to the node itself" + node.getAnchor()
              .map(anchor -> " ('&" + anchor.getValue() + "')").orElse("") + ", which would never end;"
              + " remove the alias or point it at another node");
      return Optional.empty();
    }
    if (depth > MAX_DEPTH) {
      tooDeep(position(node));
      return Optional.empty();
    }
    if (node instanceof ScalarNode scalar) {
      return Optional.of(new YamlNode.Scalar(scalar.getValue(), kindOf(scalar), position(node), shown(scalar)));
    }
    enclosing.put(node, Boolean.TRUE);
    try {
      return node instanceof SequenceNode sequence
          ? convertSequence(sequence, depth, enclosing)
          : convertMapping((MappingNode) node, depth, enclosing);
    } finally {
      enclosing.remove(node);
    }
  }

  private Optional<YamlNode> convertSequence(SequenceNode sequence, int depth, Map<Node, Boolean> enclosing) {
    List<YamlNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      Optional<YamlNode> converted = convert(item, depth + 1, enclosing);
      if (converted.isEmpty()) {
        return Optional.empty();
      }
      items.add(converted.get());
    }
    return Optional.of(new YamlNode.Sequence(List.copyOf(items), position(sequence)));
  }

  private Optional<YamlNode> convertMapping(MappingNode mapping, int depth, Map<Node, Boolean> enclosing) {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Map<String, YamlNode.Scalar> seen = new HashMap<>();
    boolean ok = true;
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        diagnostics.error(
            DiagnosticCode.SCHEMA_SYNTAX,
            position(tuple.getKeyNode()),
            "a key must be a plain name, not a list or mapping");
        ok = false;
        continue;
      }
      YamlNode.Scalar key = new YamlNode.Scalar(keyNode.getValue(), kindOf(keyNode), position(keyNode), shown(keyNode));
      if (isKeyGluedToItsValue(keyNode, tuple.getValueNode())) {
        // {type:enum}: in a flow mapping YAML reads 'type:enum' as a key with no value. Said
        // once here, not as an unknown key and then a missing 'type'.
        diagnostics.error(
            DiagnosticCode.SCHEMA_SYNTAX,
            key.position(),
            "no space after the ':' in '" + key.shown() + "', so YAML reads it as one key with no"
                + " value, not a key and its value; put a space after the ':'");
        return Optional.empty();
      }
      YamlNode.Scalar first = seen.putIfAbsent(key.text(), key);
      if (first != null) {
        diagnostics.error(
            DiagnosticCode.SCHEMA_DUPLICATE_KEY,
            key.position(),
            "the key '" + key.shown() + "' appears twice in this mapping (first at line "
                + first.position().line() + "); YAML keeps only one, so merge or rename them");
        ok = false;
        continue;
      }
      Optional<YamlNode> value = convert(tuple.getValueNode(), depth + 1, enclosing);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      entries.add(new YamlNode.Entry(key, value.get()));
    }
    return ok ? Optional.of(new YamlNode.Mapping(List.copyOf(entries), position(mapping))) : Optional.empty();
  }

  /** A plain key such as {@code type:enum} whose value is empty: a missing space, not a key. */
  private static boolean isKeyGluedToItsValue(ScalarNode key, Node value) {
    return key.isPlain() && GLUED_KEY.matcher(key.getValue()).matches()
        && value instanceof ScalarNode empty && Tag.NULL.equals(empty.getTag())
        && empty.getValue().isEmpty();
  }

  private static ScalarKind kindOf(ScalarNode scalar) {
    Tag tag = scalar.getTag();
    if (!scalar.isPlain()) {
      return ScalarKind.STRING;
    }
    if (Tag.INT.equals(tag)) {
      return ScalarKind.INTEGER;
    }
    if (Tag.FLOAT.equals(tag)) {
      return ScalarKind.FLOAT;
    }
    if (Tag.BOOL.equals(tag)) {
      return ScalarKind.BOOLEAN;
    }
    if (Tag.NULL.equals(tag)) {
      return ScalarKind.NULL;
    }
    return ScalarKind.STRING;
  }

  private SourcePosition position(Node node) {
    return node.getStartMark().map(this::position).orElse(SourcePosition.startOf(path));
  }

  private SourcePosition position(Mark mark) {
    return new SourcePosition(path, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private void tooDeep(SourcePosition position) {
    diagnostics.error(DiagnosticCode.SCHEMA_SYNTAX, position, "the schema nests deeper than " + MAX_DEPTH
        + " levels (or an alias refers to itself); the schema's format needs at most five");
  }

  /**
   * Where collections first nest deeper than {@link #MAX_DEPTH}, found from the parser's events
   * before the (recursive) composer would run out of stack on them; empty when they never do.
   */
  private static Optional<Mark> firstTooDeep(LoadSettings settings, String text) {
    int depth = 0;
    for (Event event : new Parse(settings).parseString(text)) {
      if (event.getEventId() == Event.ID.MappingStart || event.getEventId() == Event.ID.SequenceStart) {
        if (++depth > MAX_DEPTH + 1) { // the root and MAX_DEPTH levels below it
          return event.getStartMark();
        }
      } else if (event.getEventId() == Event.ID.MappingEnd || event.getEventId() == Event.ID.SequenceEnd) {
        depth--;
      }
    }
    return Optional.empty();
  }

  /** The exception's message on one line, or its kind when it has none. */
  private static String whatWentWrong(Throwable e, String text) {
    String message = text != null ? text : e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : YamlSyntaxError.oneLine(message);
  }

  private String notValid() {
    return kind.document() + " is not valid " + kind.syntax();
  }

  /**
   * What messages may quote of a scalar: its text when it sits on one line, else only what
   * its first line in the file holds. A plain scalar folds every line of a non-YAML file
   * (a password file) into one string.
   */
  private String shown(ScalarNode scalar) {
    Optional<Mark> start = scalar.getStartMark();
    Optional<Mark> end = scalar.getEndMark();
    if (start.isEmpty() || end.isEmpty() || start.get().getLine() == end.get().getLine()) {
      return Excerpt.of(scalar.getValue());
    }
    int line = start.get().getLine();
    String text = line < lines.length ? lines[line] : "";
    int column = Math.min(start.get().getColumn(), text.codePointCount(0, text.length()));
    return Excerpt.ofFirstLine(text.substring(text.offsetByCodePoints(0, column)));
  }
}
