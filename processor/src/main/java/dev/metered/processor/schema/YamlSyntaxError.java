package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.Excerpt;
import dev.metered.processor.diagnostic.SourcePosition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * What a YAML syntax error means, in plain words, and the line that is out of place: the
 * parser notices a mistake where it can no longer go on, often a line or more later (an
 * unclosed quote at the end of the file, a key without its space on the line after it), and in
 * its own terms ("expected &lt;block end&gt;").
 *
 * <p>The common slips each get their own explanation: a line indented too deep or too little, a
 * list item among a mapping's keys, no space after a {@code :}, a tab, a {@code :} inside an
 * unquoted value, a quote, {@code [} or {@code {} never closed. Anything else keeps the parser's
 * own words, at the parser's position.
 */
final class YamlSyntaxError {
  private static final Pattern FOUND = Pattern.compile("but (?:found|got) '?([^']*?)'?\\s*$");
  private static final Pattern GLUED_COLON = Pattern.compile(":(?=\\S)");

  private final String path;
  private final String[] lines;

  /** @param lines the file's lines, without their line terminators */
  YamlSyntaxError(String path, String[] lines) {
    this.path = path;
    this.lines = lines;
  }

  /** The position to report and what to say there, after "the schema is not valid YAML: ". */
  record Explained(SourcePosition position, String message) {}

  /** Explains {@code e}; {@code syntax} names the language for the fallback ("YAML", "JSON"). */
  Explained explain(MarkedYamlEngineException e, String syntax) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Optional<Mark> problemMark = e.getProblemMark();
    Optional<Mark> contextMark = e.getContextMark();
    Explained explained;
    try {
      explained = explainSlip(problem, context, problemMark, contextMark);
    } catch (RuntimeException unexpectedText) {
      // A mark out of step with the text must not cost the user the parser's own report.
      explained = null;
    }
    if (explained != null) {
      return explained;
    }
    String words = oneLine((context.isBlank() ? "" : context + ", ") + problem);
    return new Explained(problemMark.or(() -> contextMark).map(this::position)
        .orElse(SourcePosition.startOf(path)), words + "; fix the " + syntax + " at this position");
  }

  /** The explanation of a common slip, or {@code null} for any other error. */
  private Explained explainSlip(String problem, String context, Optional<Mark> problemMark,
      Optional<Mark> contextMark) {
    Explained explained = null;
    if (problemMark.isPresent()) {
      Mark at = problemMark.get();
      if (problem.contains("could not find expected ':'") && contextMark.isPresent()) {
        explained = keyWithoutColonSpace(contextMark.get());
      } else if (problem.contains("mapping values are not allowed")) {
        explained = colonWhereNoKeyCanStart(at);
      } else if (problem.contains("expected <block end>") && contextMark.isPresent()) {
        explained = blockOutOfPlace(at, contextMark.get(), found(problem));
      } else if (problem.contains("'\\t'") || problem.contains("\\t(TAB)")) {
        explained = tab(at);
      } else if (context.contains("quoted scalar") && problem.contains("end of stream")
          && contextMark.isPresent()) {
        explained = unclosedQuote(contextMark.get());
      } else if (problem.contains("expected ',' or") && contextMark.isPresent()) {
        explained = unclosedBracket(at, contextMark.get(), found(problem));
      }
    }
    return explained;
  }

  /** {@code namespace:bot}: the parser looks for the key's {@code :} until the next line. */
  private Explained keyWithoutColonSpace(Mark keyStart) {
    String line = line(keyStart.getLine());
    int from = charIndex(line, keyStart.getColumn());
    Matcher glued = GLUED_COLON.matcher(line);
    if (glued.find(from)) {
      String word = line.substring(from).trim();
      return new Explained(at(keyStart.getLine(), glued.start()),
          "no space after this ':' in '" + Excerpt.of(word) + "', so YAML reads the line as one"
              + " word, not a key and its value; put a space after the ':'");
    }
    return new Explained(position(keyStart),
        "this line has no ':' after its key, so YAML cannot read it as a key and its value;"
            + " write it as 'key: value'");
  }

  /**
   * A {@code :} the parser cannot take as a key's: either the line is indented deeper than the
   * key above it, which already has its value (so the line reads as more of that value), or an
   * unquoted value holds {@code ": "}.
   */
  private Explained colonWhereNoKeyCanStart(Mark colon) {
    int lineIndex = colon.getLine();
    String line = line(lineIndex);
    int indent = indentation(line);
    String beforeColon = line.substring(Math.min(indent, line.length()),
        Math.max(indent, charIndex(line, colon.getColumn())));
    int above = previousContentLine(lineIndex);
    if (!beforeColon.contains(": ") && !beforeColon.startsWith("-") && above >= 0) {
      String lineAbove = line(above);
      int indentAbove = indentation(lineAbove);
      boolean item = lineAbove.startsWith("- ", indentAbove);
      int keyAbove = item ? indentAbove + 2 : indentAbove;
      int colonAbove = lineAbove.indexOf(": ", keyAbove);
      // The line above ends with a value (not 'key:' alone), which this line was read into.
      if (indentAbove < indent && (colonAbove > 0 || item) && !lineAbove.trim().endsWith(":")) {
        String valueAbove = colonAbove > 0
            ? "'" + Excerpt.of(lineAbove.substring(keyAbove, colonAbove)) + "' on line " + (above + 1)
            : "the list item on line " + (above + 1);
        return new Explained(at(lineIndex, indent),
            "wrong indentation: '" + Excerpt.of(beforeColon.trim()) + "' is indented to column "
                + (indent + 1) + ", deeper than " + valueAbove + ", which already has its value, so"
                + " YAML reads this line as more of that value; indent it to column "
                + (keyAbove + 1) + " to make it a key beside that one");
      }
    }
    return new Explained(position(colon),
        "a ': ' inside a value that is not quoted, where YAML sees a second key; quote the value,"
            + " for example 'description: \"Time: in ms\"'");
  }

  /**
   * The parser was in a block mapping or list (which starts at {@code collection}) and met a
   * line that can neither continue it nor end it: indented between two levels, deeper than its
   * siblings after a complete value, or a list item among a mapping's keys.
   */
  private Explained blockOutOfPlace(Mark token, Mark collection, String found) {
    int column = token.getColumn() + 1;
    int siblings = collection.getColumn() + 1;
    int collectionLine = collection.getLine() + 1;
    if (found.equals("-")) {
      return new Explained(position(token),
          "a list item ('- ') where the mapping that starts at line " + collectionLine
              + " expects a key: this part of the schema is a mapping of names to values, not a"
              + " list; remove the '- '");
    }
    if (found.equals("?") || found.contains("mapping")) {
      if (line(collection.getLine()).startsWith("-", collection.getColumn())) {
        return new Explained(position(token),
            "a key where the list that starts at line " + collectionLine + " expects another"
                + " '- ' item: this part of the schema is a list, not a mapping; make it '- "
                + "value', or end the list before it");
      }
    }
    String where = "wrong indentation: line " + (token.getLine() + 1) + " is indented to column "
        + column;
    int deeper = nearestLevelDeeperThan(token.getLine(), collection.getLine(), column);
    if (deeper >= 0) {
      return new Explained(position(token), where + ", between the levels above it: indent it to"
          + " column " + (indentation(line(deeper)) + 1) + " to line up with " + keyOn(deeper)
          + ", or to column " + siblings + " to line up with " + keyOn(collection.getLine()));
    }
    return new Explained(position(token), where + ", deeper than the keys beside it at column "
        + siblings + " (from line " + collectionLine + "), and the line above has no key to"
        + " nest it under; indent it to column " + siblings);
  }

  /**
   * Of the lines still open above {@code lineIndex} (each indented less than the ones after it),
   * down to {@code collectionLine}, the least indented one that is still indented past
   * {@code column} (1-based); -1 when the line above is not indented past it.
   */
  private int nearestLevelDeeperThan(int lineIndex, int collectionLine, int column) {
    int deeper = -1;
    int open = Integer.MAX_VALUE;
    for (int i = previousContentLine(lineIndex); i >= collectionLine; i = previousContentLine(i)) {
      int indent = indentation(line(i));
      if (indent < open) {
        if (indent + 1 <= column) {
          break;
        }
        open = indent;
        deeper = i;
      }
    }
    return deeper;
  }

  /** "'attributes' (line 6)": the key a line starts with, or the line's text, and its number. */
  private String keyOn(int lineIndex) {
    String text = line(lineIndex).trim();
    if (text.startsWith("- ")) {
      text = text.substring(2);
    }
    int colon = text.indexOf(':');
    return "'" + Excerpt.of(colon > 0 ? text.substring(0, colon) : text) + "' (line " + (lineIndex + 1) + ")";
  }

  private Explained tab(Mark tab) {
    String line = line(tab.getLine());
    boolean indenting = charIndex(line, tab.getColumn()) <= indentation(line);
    return new Explained(position(tab), indenting
        ? "a tab in this line's indentation; YAML indents with spaces only: replace it with spaces"
        : "a tab character, which YAML takes only inside quotes here; replace it with a space");
  }

  private Explained unclosedQuote(Mark opened) {
    String line = line(opened.getLine());
    int index = charIndex(line, opened.getColumn());
    String quote = index < line.length() ? String.valueOf(line.charAt(index)) : "\"";
    return new Explained(position(opened),
        "the quote " + quote + " opened here is never closed, so the rest of the file reads as"
            + " one value; end the value with " + quote);
  }

  private Explained unclosedBracket(Mark noticed, Mark opened, String found) {
    String line = line(opened.getLine());
    int index = charIndex(line, opened.getColumn());
    char bracket = index < line.length() ? line.charAt(index) : '[';
    char closing = bracket == '{' ? '}' : ']';
    String what = switch (found) {
      case "<stream end>" -> "the end of the file";
      case "<scalar>", "" -> "more text";
      default -> "'" + Excerpt.of(found) + "'";
    };
    if (found.equals(":") && noticed.getLine() == opened.getLine()) {
      return new Explained(position(noticed),
          "a ': ' inside a value of the '" + bracket + "..." + closing + "' that starts at column "
              + (opened.getColumn() + 1) + ", where YAML expects ',' or '" + closing + "'; quote"
              + " the value, for example {description: \"Time: in ms\"}");
    }
    return new Explained(position(opened),
        "the '" + bracket + "' opened here is not closed: at line " + (noticed.getLine() + 1)
            + ", column " + (noticed.getColumn() + 1) + " the parser found " + what
            + " before its '" + closing + "'; close it where its value ends");
  }

  /** The token the parser found instead, from its message: "-", "?", "}", "<stream end>". */
  private static String found(String problem) {
    Matcher matcher = FOUND.matcher(problem);
    return matcher.find() ? matcher.group(1) : "";
  }

  /** The nearest line above {@code lineIndex} that holds more than spaces and a comment. */
  private int previousContentLine(int lineIndex) {
    for (int i = lineIndex - 1; i >= 0; i--) {
      String trimmed = line(i).trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  /** The nearest content line above {@code lineIndex} indented less than {@code column} (0-based). */
  private int previousLineIndentedLessThan(int lineIndex, int column) {
    for (int i = previousContentLine(lineIndex); i >= 0; i = previousContentLine(i)) {
      if (indentation(line(i)) < column) {
        return i;
      }
    }
    return -1;
  }

  private static int indentation(String line) {
    int spaces = 0;
    while (spaces < line.length() && line.charAt(spaces) == ' ') {
      spaces++;
    }
    return spaces;
  }

  private String line(int index) {
    return index >= 0 && index < lines.length ? lines[index] : "";
  }

  /** The index in {@code line} of the code point at 0-based {@code column}, as marks count. */
  private static int charIndex(String line, int column) {
    int codePoints = line.codePointCount(0, line.length());
    return line.offsetByCodePoints(0, Math.min(column, codePoints));
  }

  private SourcePosition at(int lineIndex, int charIndex) {
    String line = line(lineIndex);
    return new SourcePosition(path, lineIndex + 1,
        line.codePointCount(0, Math.min(charIndex, line.length())) + 1);
  }

  private SourcePosition position(Mark mark) {
    return new SourcePosition(path, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The parser's words, on one line and cut: they may quote an alias or tag of any length. */
  static String oneLine(String text) {
    return Excerpt.of(text.replaceAll("\\s+", " ").trim());
  }
}
