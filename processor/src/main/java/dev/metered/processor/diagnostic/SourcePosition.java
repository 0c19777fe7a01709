package dev.metered.processor.diagnostic;

/**
 * A place in the schema file, 1-based, printed as {@code FILE:LINE:COLUMN} like compilers print
 * theirs, so that IDEs and terminals link to it.
 *
 * @param file the schema file's path as the processor found it
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record SourcePosition(String file, int line, int column) {

  /**
   * A compiler option rather than a place in a file, for problems with an option's value; it
   * prints as the option alone.
   */
  public static SourcePosition ofOption(String option) {
    return new SourcePosition(option, 0, 0);
  }

  /** The start of {@code file}, for problems with the file as a whole. */
  public static SourcePosition startOf(String file) {
    return new SourcePosition(file, 1, 1);
  }

  @Override
  public String toString() {
    return line == 0 ? file : file + ":" + line + ":" + column;
  }
}
