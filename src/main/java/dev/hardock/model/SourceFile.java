package dev.hardock.model;

import java.nio.file.Path;

/**
 * A file being read: where it is, how it is shown to the user, its text and line index. Every {@link Span}
 * its {@link LineIndex} makes names it ({@link Span#file()}), so a finding at a value of this file is reported
 * in this file, whichever file was linted to reach it (a compose file's override, {@code extends} and
 * {@code include} files, the Dockerfile a service builds). Compared by identity: one instance per read.
 */
public final class SourceFile {
  private final Path path;
  private final String displayPath;
  private final String text;
  private final LineIndex lines;
  private final SourceKind kind;

  private SourceFile(Path path, String displayPath, String text, SourceKind kind) {
    this.path = path;
    this.displayPath = displayPath;
    this.text = text;
    this.kind = kind;
    this.lines = new LineIndex(text, this);
  }

  public static SourceFile of(Path path, String displayPath, String text, SourceKind kind) {
    return new SourceFile(path, displayPath, text, kind);
  }

  /** The file on disk (for standard input, the name it was given); may be null. */
  public Path path() {
    return path;
  }

  /** The path as findings show it. */
  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  /** The line index of {@link #text()}, whose spans name this file. */
  public LineIndex lines() {
    return lines;
  }

  public SourceKind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
