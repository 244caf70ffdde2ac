package dev.hardock.source.compose;

import dev.hardock.model.LineIndex;
import dev.hardock.model.Span;
import java.nio.file.Path;

/**
 * A YAML file being read: its path, how it is shown, its text and line index. snakeyaml-engine counts
 * positions in code points; the model counts UTF-16 units, so offsets are translated here.
 *
 * @param display the path shown in findings for values this file sets
 */
record YamlFile(Path path, String display, String text, LineIndex lines, int[] codePointOffsets) {
  static YamlFile of(Path path, String display, String text) {
    int[] map = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (Character.isSurrogate(text.charAt(i))) {
        map = new int[text.codePointCount(0, n) + 1];
        int cp = 0;
        for (int j = 0; j < n; j += Character.charCount(text.codePointAt(j))) map[cp++] = j;
        map[cp] = n;
        break;
      }
    }
    return new YamlFile(path, display, text, new LineIndex(text), map);
  }

  /** UTF-16 offset of a code point index as snakeyaml-engine reports it. */
  int offset(int codePointIndex) {
    if (codePointOffsets == null) return Math.max(0, Math.min(codePointIndex, text.length()));
    return codePointOffsets[Math.max(0, Math.min(codePointIndex, codePointOffsets.length - 1))];
  }

  Span span(int start, int end) {
    return lines.span(start, end);
  }

  Path folder() {
    Path abs = path.toAbsolutePath().getParent();
    return abs == null ? Path.of(".").toAbsolutePath() : abs;
  }
}
