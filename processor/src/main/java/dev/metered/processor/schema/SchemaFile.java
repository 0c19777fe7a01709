package dev.metered.processor.schema;

import dev.metered.processor.diagnostic.Diagnostics;
import dev.metered.processor.diagnostic.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The text of a schema (or an earlier catalog), checked to be of a sane size and valid UTF-8
 * before any YAML is parsed.
 *
 * @param kind what the file is, for the words and codes of messages about it
 * @param path the path or URI the file was found at, used in every message about it
 * @param text the decoded text, without a byte order mark
 */
public record SchemaFile(InputKind kind, String path, String text) {

  /** Larger than any real schema; a bigger file is a mistake, not a schema. */
  public static final int MAX_BYTES = InputKind.SCHEMA.maxBytes();

  /** {@link #decode(InputKind, String, byte[], Diagnostics)} of a schema. */
  public static Optional<SchemaFile> decode(String path, byte[] bytes, Diagnostics diagnostics) {
    return decode(InputKind.SCHEMA, path, bytes, diagnostics);
  }

  /**
   * Decodes {@code bytes}, reporting a file that is too large, not UTF-8, or empty.
   *
   * @return the file, or empty when a problem was reported
   */
  public static Optional<SchemaFile> decode(InputKind kind, String path, byte[] bytes, Diagnostics diagnostics) {
    SourcePosition start = SourcePosition.startOf(path);
    if (bytes.length > kind.maxBytes()) {
      reportTooLarge(kind, start, bytes.length, diagnostics);
      return Optional.empty();
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes);
    CharBuffer output = CharBuffer.allocate(bytes.length);
    if (decoder.decode(input, output, true).isError()) {
      diagnostics.error(
          kind.encoding(),
          positionOfByte(path, bytes, input.position()),
          kind.file() + " is not valid UTF-8 (byte 0x"
              + String.format(Locale.ROOT, "%02X", bytes[input.position()] & 0xFF)
              + " at offset " + input.position() + "); save it as UTF-8");
      return Optional.empty();
    }
    output.flip();
    String text = output.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      diagnostics.error(kind.empty(), start, kind.emptyMessage());
      return Optional.empty();
    }
    return Optional.of(new SchemaFile(kind, path, text));
  }

  /**
   * Reports a file over {@code kind}'s limit.
   *
   * @param size its size in bytes, or -1 when it is only known to be over the limit
   */
  public static void reportTooLarge(InputKind kind, SourcePosition position, long size, Diagnostics diagnostics) {
    String limit = kind.maxBytes() + " bytes (" + kind.maxBytes() / (1024 * 1024) + " MiB)";
    diagnostics.error(kind.tooLarge(), position,
        kind.file() + (size < 0 ? " has more than the limit of " + limit
            : " has " + size + " bytes, more than the limit of " + limit) + "; " + kind.tooLargeHint());
  }

  /** The line and column of the byte at {@code offset}, counting the valid text before it. */
  private static SourcePosition positionOfByte(String path, byte[] bytes, int offset) {
    String before;
    try {
      before = StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes, 0, offset))
          .toString();
    } catch (CharacterCodingException impossible) {
      // The decoder stopped at the first bad byte, so everything before it decodes.
      before = "";
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new SourcePosition(path, line, before.length() - lineStart + 1);
  }
}
