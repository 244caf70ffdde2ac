package dev.hardock.model;

/**
 * A region of a source file. Lines and columns are 1-based; columns count UTF-16 code units (a tab is one
 * column); {@code endColumn} is exclusive, as in SARIF. An empty span (start == end) marks a point.
 */
public record Span(int line, int column, int endLine, int endColumn) implements Comparable<Span> {
  public static final Span START = new Span(1, 1, 1, 1);

  public Span {
    if (line < 1 || column < 1 || endLine < line || (endLine == line && endColumn < column)) {
      throw new IllegalArgumentException("bad span " + line + ":" + column + "-" + endLine + ":" + endColumn);
    }
  }

  public static Span point(int line, int column) {
    return new Span(line, column, line, column);
  }

  /** The smallest span that covers both. */
  public Span to(Span other) {
    Span first = compareTo(other) <= 0 ? this : other;
    boolean thisEndsLater = endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
    Span last = thisEndsLater ? this : other;
    return new Span(first.line, first.column, last.endLine, last.endColumn);
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

  // equals and hashCode as a record would generate them, spelled out: the generated ones link through
  // invokedynamic at first use, which the JVM's start-up cache does not keep (see rule.Finding).
  @Override
  public boolean equals(Object o) {
    return o instanceof Span s && line == s.line && column == s.column && endLine == s.endLine
        && endColumn == s.endColumn;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * line + column) + endLine) + endColumn;
  }

  @Override
  public String toString() {
    return line + ":" + column + "-" + endLine + ":" + endColumn;
  }
}
