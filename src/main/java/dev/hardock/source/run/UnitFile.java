package dev.hardock.source.run;

import dev.hardock.model.LineIndex;
import dev.hardock.model.MappedText;
import dev.hardock.model.SourceLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of a systemd unit file (systemd.syntax(7)), as Quadlet and systemd read them: {@code [Section]}
 * headers, {@code Key=Value} lines with white space around key and value dropped, whole-line {@code #} and
 * {@code ;} comments (also between continued lines), and a line ending in {@code \} continued on the next, the
 * backslash read as a space. Each value is a {@link MappedText}: its characters keep their offsets in the file.
 */
final class UnitFile {
  /**
   * One {@code Key=Value}.
   *
   * @param section the section it is in ({@code Container}, {@code Service}), "" before the first header
   * @param keyStart offset of the key in the file
   * @param end offset of the end of its last line (continued lines included)
   */
  record Entry(String section, String key, int keyStart, MappedText value, int end) {}

  private UnitFile() {}

  static List<Entry> entries(String text, LineIndex lines) {
    List<Entry> out = new ArrayList<>();
    String section = "";
    int n = lines.lineCount();
    for (int l = 1; l <= n; l++) {
      int start = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      int i = start;
      while (i < end && isBlank(text.charAt(i))) i++;
      if (i >= end || text.charAt(i) == '#' || text.charAt(i) == ';') continue;
      if (text.charAt(i) == '[') {
        int close = indexOf(text, ']', i, end);
        section = close > i && close < end ? text.substring(i + 1, close).trim() : "";
        continue;
      }
      int eq = indexOf(text, '=', i, end);
      if (eq < 0 || eq >= end) continue; // not an assignment: systemd ignores it with a warning
      int keyEnd = eq;
      while (keyEnd > i && isBlank(text.charAt(keyEnd - 1))) keyEnd--;
      String key = text.substring(i, keyEnd);
      MappedText.Builder b = new MappedText.Builder();
      int v = eq + 1;
      while (v < end && isBlank(text.charAt(v))) v++;
      int last;
      while (true) {
        boolean continued = end > v && text.charAt(end - 1) == '\\';
        b.append(text, v, continued ? end - 1 : end);
        last = end;
        if (!continued || l >= n) break;
        b.append(' ', end - 1);
        // the next line that is not a comment continues the value
        do {
          l++;
          v = lines.lineStart(l);
          end = FileText.lineEnd(text, lines, l);
        } while (l < n && isComment(text, v, end));
        if (isComment(text, v, end)) break;
      }
      MappedText value = b.build(end);
      int trail = value.length();
      while (trail > 0 && isBlank(value.charAt(trail - 1))) trail--;
      out.add(new Entry(section, key, i, value.sub(0, trail), last));
    }
    return out;
  }

  /**
   * Records the unit's comments (whole lines opened by {@code #} or {@code ;}, also between continued lines; a
   * {@code #} after a value is part of the value) and its statements (a {@code Key=Value} line with the lines that
   * continue it) in {@code layout}, as those of {@code file}.
   */
  static void layout(String text, LineIndex lines, SourceLayout layout, String file) {
    for (int l = 1; l <= lines.lineCount(); l++) {
      int start = lines.lineStart(l);
      int end = FileText.lineEnd(text, lines, l);
      int i = start;
      while (i < end && isBlank(text.charAt(i))) i++;
      if (isComment(text, i, end)) {
        layout.comment(
            file, lines.span(i, end), text.substring(i, end), SourceLayout.Reach.NEXT_LINE);
      }
    }
    for (Entry e : entries(text, lines)) layout.statement(file, lines.span(e.keyStart(), e.end()));
  }

  private static boolean isComment(String text, int from, int end) {
    int i = from;
    while (i < end && isBlank(text.charAt(i))) i++;
    return i < end && (text.charAt(i) == '#' || text.charAt(i) == ';');
  }

  /** The first {@code c} in {@code [from, end)}, or -1: a search past the line would be quadratic in lines without it. */
  private static int indexOf(String text, char c, int from, int end) {
    for (int k = from; k < end; k++) if (text.charAt(k) == c) return k;
    return -1;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
