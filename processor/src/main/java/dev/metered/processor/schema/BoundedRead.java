package dev.metered.processor.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads an input the processor was pointed at, refusing anything that is not a regular file of
 * bounded size: {@code /dev/zero} would fill the heap, a FIFO would make javac wait forever, and
 * a sparse file can claim gigabytes.
 */
public final class BoundedRead {
  private BoundedRead() {}

  /** The input is larger than the limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long size;

    TooLargeException(long size) {
      super(size < 0 ? "over the limit" : size + " bytes");
      this.size = size;
    }

    /** The size the file system reported, or -1 when the input grew past the limit while read. */
    public long size() {
      return size;
    }
  }

  /** The path names a directory, device, FIFO or socket rather than a regular file. */
  public static final class NotAFileException extends IOException {
    private static final long serialVersionUID = 1L;

    NotAFileException(String what) {
      super(what);
    }
  }

  /**
   * The bytes of the regular file at {@code path}, following symbolic links to their target.
   * The type and size are checked before the file is opened, and the read itself stops past
   * {@code limit} in case the file grows in between.
   *
   * @return the bytes, or empty when nothing is at {@code path}
   * @throws NotAFileException when {@code path} is not a regular file
   * @throws TooLargeException when the file has more than {@code limit} bytes
   */
  public static Optional<byte[]> file(Path path, int limit) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (attributes.isDirectory()) {
      throw new NotAFileException("it is a directory");
    }
    if (!attributes.isRegularFile()) {
      throw new NotAFileException("it is not a regular file (a device, FIFO or socket)");
    }
    if (attributes.size() > limit) {
      throw new TooLargeException(attributes.size());
    }
    // A file swapped for a FIFO between the check and the open would still block here; Java
    // cannot open without blocking. Only a deliberate race gets there, never a wrong option.
    try (InputStream in = Files.newInputStream(path)) {
      return Optional.of(stream(in, limit));
    }
  }

  /**
   * At most {@code limit} bytes of {@code in}.
   *
   * @throws TooLargeException when {@code in} has more
   */
  public static byte[] stream(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw new TooLargeException(-1);
    }
    return bytes;
  }
}
