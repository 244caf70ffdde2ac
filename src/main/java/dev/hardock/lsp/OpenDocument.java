package dev.hardock.lsp;

import java.nio.file.Path;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * A document the editor has open: its text as the editor holds it (unsaved), kept up to date with incremental
 * changes. Positions are LSP's: 0-based lines, UTF-16 characters, which are Java's string indices; a line ends
 * at {@code \n}, {@code \r\n} or {@code \r}. Only the current text is kept (no history: memory stays flat).
 */
final class OpenDocument {
  final String uri;
  final Path path;
  final String languageId;
  private volatile String text;
  private volatile int version;

  OpenDocument(String uri, Path path, String languageId, String text, int version) {
    this.uri = uri;
    this.path = path;
    this.languageId = languageId;
    this.text = text;
    this.version = version;
  }

  String text() {
    return text;
  }

  int version() {
    return version;
  }

  /** Applies the changes of one didChange in order (a change without a range replaces the whole text). */
  synchronized void change(Iterable<TextDocumentContentChangeEvent> changes, int newVersion) {
    String t = text;
    for (TextDocumentContentChangeEvent c : changes) {
      String with = c.getText() == null ? "" : c.getText();
      Range r = c.getRange();
      if (r == null) {
        t = with;
      } else {
        int from = offset(t, r.getStart());
        int to = Math.max(from, offset(t, r.getEnd()));
        t = t.substring(0, from) + with + t.substring(to);
      }
    }
    text = t;
    version = newVersion;
  }

  /** The offset of a position, clamped to the text (a line past the end: the end; a character past a line's end: its end). */
  static int offset(String t, Position p) {
    int line = Math.max(0, p.getLine());
    int i = 0;
    for (int l = 0; l < line; l++) {
      while (i < t.length() && t.charAt(i) != '\n' && t.charAt(i) != '\r') i++;
      if (i >= t.length()) return t.length();
      if (t.charAt(i) == '\r' && i + 1 < t.length() && t.charAt(i + 1) == '\n') i++;
      i++;
    }
    int end = i;
    while (end < t.length() && t.charAt(end) != '\n' && t.charAt(end) != '\r') end++;
    return Math.min(end, i + Math.max(0, p.getCharacter()));
  }
}
