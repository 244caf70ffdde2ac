package dev.hardock.model;

/**
 * A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units (a tab is one
 * column); {@code endColumn} is exclusive, as in SARIF. An empty span (start == end) marks a point.
 *
 * <p>{@code file} is the file the region lies in, stamped by the {@link LineIndex} of that {@link SourceFile}
 * that made the span: a finding at a value another file set (a compose override, an {@code extends} or
 * {@code include} file) is reported in that file because its span says so. Null for a position of no file
 * ({@link #START}, a span made from numbers), which the engine reports in the file being linted. Spans made
 * from a span ({@link #to}, {@link #resized}) keep its file. Equality and order are by position alone: a span
 * is compared with spans of the same file, and a finding compares its file apart.
 */
public record Span(int line, int column, int endLine, int endColumn, SourceFile file)
    implements Comparable<Span> {
  public static final Span START = new Span(1, 1, 1, 1);

  public Span {
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException(
          "bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  /** A region named by its numbers alone, in no file (tests, positions reported in the linted file). */
  public Span(int line, int column, int endLine, int endColumn) {
    this(line, column, endLine, endColumn, null);
  }

  public static Span point(int line, int column) {
    return new Span(line, column, line, column);
  }

  /** Another region of the same file: how a rule narrows or moves a span without losing its file. */
  public Span resized(int line, int column, int endLine, int endColumn) {
    return new Span(line, column, endLine, endColumn, file);
  }

  /** The smallest span that covers both (in this span's file). */
  public Span to(Span other) {
    Span first = compareTo(other) <= 0 ? this : other;
    boolean thisEndsLater =
        endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
    Span last = thisEndsLater ? this : other;
    return new Span(
        first.line, first.column, last.endLine, last.endColumn, file != null ? file : other.file);
  }

  // equals and hashCode by position alone, spelled out: generated ones would link through
  // invokedynamic at first
  // use, which the JVM's start-up cache does not keep (see rule.Finding)
  @Override
  public boolean equals(Object o) {
    return o instanceof Span s
        && line == s.line
        && column == s.column
        && endLine == s.endLine
        && endColumn == s.endColumn;
  }

  @Override
  public int hashCode() {
    return ((line * 31 + column) * 31 + endLine) * 31 + endColumn;
  }

  @Override
  public int compareTo(Span o) {
    int c = Integer.compare(line, o.line);
    if (c != 0) return c;
    c = Integer.compare(column, o.column);
    if (c != 0) return c;
    c = Integer.compare(endLine, o.endLine);
    return c != 0 ? c : Integer.compare(endColumn, o.endColumn);
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
