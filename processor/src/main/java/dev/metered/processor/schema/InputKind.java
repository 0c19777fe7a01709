package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.DiagnosticCode;

/**
 * The two kinds of file the processor reads, each with its own size limit, codes and words:
 * the schema, and the earlier build's catalog named by {@code -Ametered.catalog.previous}.
 */
public enum InputKind {
  SCHEMA(
      "the schema file",
      "the schema",
      "YAML",
      1024 * 1024,
      DiagnosticCode.SCHEMA_UNREADABLE,
      DiagnosticCode.SCHEMA_TOO_LARGE,
      DiagnosticCode.SCHEMA_ENCODING,
      DiagnosticCode.SCHEMA_EMPTY,
      DiagnosticCode.SCHEMA_SYNTAX,
      "a metrics schema is a few kilobytes, so check that the option names the right file",
      "the schema file is empty; it needs at least 'schema: 1', 'namespace:', 'package:' and"
          + " 'families:' (see docs/schema.md)",
      "the schema file holds no YAML document, only comments or blank lines"),
  CATALOG(
      "the previous catalog",
      "the previous catalog",
      "JSON",
      16 * 1024 * 1024,
      DiagnosticCode.BAD_LINT_CONFIG,
      DiagnosticCode.CATALOG_TOO_LARGE,
      DiagnosticCode.BAD_LINT_CONFIG,
      DiagnosticCode.CATALOG_EMPTY,
      DiagnosticCode.BAD_LINT_CONFIG,
      "a catalog has about a kilobyte per metric, so check that -Ametered.catalog.previous names"
          + " the META-INF/metered/metrics.json of an earlier build",
      "the previous catalog is empty; name the META-INF/metered/metrics.json of an earlier build",
      "the previous catalog is empty; name the META-INF/metered/metrics.json of an earlier build");

  private final String file;
  private final String document;
  private final String syntax;
  private final int maxBytes;
  private final DiagnosticCode unreadable;
  private final DiagnosticCode tooLarge;
  private final DiagnosticCode encoding;
  private final DiagnosticCode empty;
  private final DiagnosticCode invalid;
  private final String tooLargeHint;
  private final String emptyMessage;
  private final String noDocumentMessage;

  InputKind(String file, String document, String syntax, int maxBytes, DiagnosticCode unreadable,
      DiagnosticCode tooLarge, DiagnosticCode encoding, DiagnosticCode empty, DiagnosticCode invalid,
      String tooLargeHint, String emptyMessage, String noDocumentMessage) {
    this.file = file;
    this.document = document;
    this.syntax = syntax;
    this.maxBytes = maxBytes;
    this.unreadable = unreadable;
    this.tooLarge = tooLarge;
    this.encoding = encoding;
    this.empty = empty;
    this.invalid = invalid;
    this.tooLargeHint = tooLargeHint;
    this.emptyMessage = emptyMessage;
    this.noDocumentMessage = noDocumentMessage;
  }

  /** How messages name the file: "the schema file". */
  public String file() {
    return file;
  }

  /** How messages name its content: "the schema". */
  public String document() {
    return document;
  }

  /** The syntax the file is written in, for "is not valid ...". */
  public String syntax() {
    return syntax;
  }

  /** Larger than any real file of this kind; a bigger file is a mistake. */
  public int maxBytes() {
    return maxBytes;
  }

  /** The file exists but is not a regular file or cannot be read. */
  public DiagnosticCode unreadable() {
    return unreadable;
  }

  /** The file is over {@link #maxBytes()}. */
  public DiagnosticCode tooLarge() {
    return tooLarge;
  }

  /** The file is not UTF-8. */
  public DiagnosticCode encoding() {
    return encoding;
  }

  /** The file is empty, or holds only comments. */
  public DiagnosticCode empty() {
    return empty;
  }

  /** The file's syntax is broken. */
  public DiagnosticCode invalid() {
    return invalid;
  }

  /** Why a file over the limit is probably the wrong file. */
  public String tooLargeHint() {
    return tooLargeHint;
  }

  /** The message for an empty file. */
  public String emptyMessage() {
    return emptyMessage;
  }

  /** The message for a file with comments or blank lines only. */
  public String noDocumentMessage() {
    return noDocumentMessage;
  }
}
