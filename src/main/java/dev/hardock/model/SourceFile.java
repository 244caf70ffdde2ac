package dev.hardock.model;

import java.nio.file.Path;

/** A file being linted: where it is, how it is shown to the user, its text and line index. */
public record SourceFile(Path path, String displayPath, String text, LineIndex lines, SourceKind kind) {
  public static SourceFile of(Path path, String displayPath, String text, SourceKind kind) {
    return new SourceFile(path, displayPath, text, new LineIndex(text), kind);
  }
}
