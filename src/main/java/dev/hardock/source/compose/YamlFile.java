package dev.hardock.source.compose;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.source.yaml.CodePointIndex;
import java.nio.file.Path;

/**
 * A YAML file being read: its path, how it is shown, its text and line index. snakeyaml-engine counts
 * positions in code points; the model counts UTF-16 units, so offsets are translated here. Its spans name
 * {@code source}, the file they are in, so a finding at a value this file sets is reported in this file.
 */
record YamlFile(SourceFile source, CodePointIndex codePoints) {
  static YamlFile of(Path path, String display, String text) {
    return of(SourceFile.of(path, display, text, SourceKind.COMPOSE));
  }

  static YamlFile of(SourceFile source) {
    return new YamlFile(source, CodePointIndex.of(source.text()));
  }

  Path path() {
    return source.path();
  }

  String display() {
    return source.displayPath();
  }

  String text() {
    return source.text();
  }

  LineIndex lines() {
    return source.lines();
  }

  /** UTF-16 offset of a code point index as snakeyaml-engine reports it. */
  int offset(int codePointIndex) {
    return codePoints.offset(codePointIndex);
  }

  Span span(int start, int end) {
    return lines().span(start, end);
  }

  Path folder() {
    Path abs = path().toAbsolutePath().getParent();
    return abs == null ? Path.of(".").toAbsolutePath() : abs;
  }
}
