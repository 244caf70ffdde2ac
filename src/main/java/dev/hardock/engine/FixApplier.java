package dev.hardock.engine;

import dev.hardock.model.LineIndex;
import dev.hardock.model.Span;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns fixes into text, one round at a time: edits are placed by the file's line index (1-based lines, UTF-16
 * columns, end exclusive), fixes are taken in order and a fix with an edit that overlaps (or touches, for an
 * insertion) an edit already taken waits for the next round, when the file has been linted again and its spans
 * are fresh. The same edit proposed by two fixes (a value behind a YAML anchor that several services share) is
 * made once. Text outside the edits is copied unchanged, byte for byte; a line end an edit inserts follows the
 * line it lands on (CRLF in a CRLF line).
 */
public final class FixApplier {
  private FixApplier() {}

  /** A round's result: the new text and the fixes applied, in order. */
  public record Round(String text, List<Fix> applied) {}

  private record Placed(int from, int to, String text) {}

  public static Round apply(String text, List<Fix> fixes) {
    LineIndex lines = new LineIndex(text);
    // the edits taken, by start: they never overlap, so no two start at the same offset, and an
    // edit can only
    // conflict with the one starting at or before it or the first one after it (a lookup, not a
    // scan: a file
    // with 100,000 fixes took seconds per round, scanning every edit taken for each)
    java.util.TreeMap<Integer, Placed> taken = new java.util.TreeMap<>();
    List<Fix> applied = new ArrayList<>();
    next:
    for (Fix fix : fixes) {
      List<Placed> mine = new ArrayList<>();
      for (Edit e : fix.edits()) {
        Placed p = place(text, lines, e);
        if (p == null)
          continue next; // a span outside the text: a stale or bad fix, never half applied
        for (Placed q : mine) if (overlaps(p, q)) continue next;
        mine.add(p);
      }
      List<Placed> fresh = new ArrayList<>();
      for (Placed p : mine) {
        boolean same = false;
        var before = taken.floorEntry(p.from);
        var after = taken.higherEntry(p.from);
        for (var e : java.util.Arrays.asList(before, after)) {
          if (e == null) continue;
          Placed q = e.getValue();
          if (q.equals(p)) {
            same = true;
          } else if (overlaps(p, q)) {
            continue next;
          }
        }
        if (!same) fresh.add(p);
      }
      for (Placed p : fresh) taken.put(p.from, p);
      applied.add(fix);
    }
    if (taken.isEmpty()) return new Round(text, applied);
    StringBuilder out = new StringBuilder(text.length() + 64);
    int at = 0;
    for (Placed p : taken.values()) {
      out.append(text, at, p.from).append(p.text);
      at = p.to;
    }
    out.append(text, at, text.length());
    return new Round(out.toString(), applied);
  }

  /** Two edits conflict when their ranges share a character, or an insertion falls inside or at an end of the other. */
  static boolean overlaps(Placed a, Placed b) {
    if (a.from < b.to && b.from < a.to) return true;
    boolean aPoint = a.from == a.to;
    boolean bPoint = b.from == b.to;
    return (aPoint && b.from <= a.from && a.from <= b.to)
        || (bPoint && a.from <= b.from && b.from <= a.to);
  }

  private static Placed place(String text, LineIndex lines, Edit e) {
    Span s = e.span();
    int from = offset(text, lines, s.line(), s.column());
    int to = offset(text, lines, s.endLine(), s.endColumn());
    if (from < 0 || to < from) return null;
    // never split a surrogate pair or a CRLF
    if (splits(text, from) || splits(text, to)) return null;
    return new Placed(from, to, lineEnds(text, lines, from, e.text()));
  }

  private static boolean splits(String text, int at) {
    if (at <= 0 || at >= text.length()) return false;
    char before = text.charAt(at - 1);
    char after = text.charAt(at);
    return (before == '\r' && after == '\n')
        || (Character.isHighSurrogate(before) && Character.isLowSurrogate(after));
  }

  /** The offset of a position, or -1 when it lies outside the text (past its line's end). */
  static int offset(String text, LineIndex lines, int line, int column) {
    if (line < 1 || line > lines.lineCount() || column < 1) return -1;
    int start = lines.lineStart(line);
    int next = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    int o = start + column - 1;
    return o > next ? -1 : o;
  }

  /** Inserted line ends follow the file: {@code \n} becomes {@code \r\n} where the edited line ends in CRLF. */
  private static String lineEnds(String text, LineIndex lines, int at, String inserted) {
    if (inserted.indexOf('\n') < 0 || text.indexOf('\r') < 0) return inserted;
    int line = lines.line(at);
    int end = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    boolean crlf = end >= 2 && text.charAt(end - 1) == '\n' && text.charAt(end - 2) == '\r';
    if (!crlf && line == lines.lineCount() && line > 1) {
      int prev = lines.lineStart(line);
      crlf = prev >= 2 && text.charAt(prev - 2) == '\r' && text.charAt(prev - 1) == '\n';
    }
    if (!crlf) return inserted;
    StringBuilder b = new StringBuilder(inserted.length() + 4);
    for (int i = 0; i < inserted.length(); i++) {
      char c = inserted.charAt(i);
      if (c == '\n' && (i == 0 || inserted.charAt(i - 1) != '\r')) b.append('\r');
      b.append(c);
    }
    return b.toString();
  }
}
