package dev.hardock.model;

import java.util.Arrays;

/**
 * Maps character offsets of a text to {@link Span} positions. Line ends: LF, CRLF and lone CR. The index of a
 * {@link SourceFile} stamps every span it makes with that file (one made for a text alone names none).
 */
public final class LineIndex {
  private final int[] lineStarts;

  /** The file whose text this indexes, named by every span made here; null for a text of no file. */
  private final SourceFile file;

  private final int length;

  /** Lines (0-based) that end in CRLF: an offset at their '\n' is the start of the next line, as after an LF. */
  private final java.util.BitSet crlf = new java.util.BitSet();

  private int hint; // the line found last time: a guess, checked before use (see line())

  public LineIndex(CharSequence text) {
    this(text, null);
  }

  /** The index of a file's text: its spans name {@code file}. */
  LineIndex(CharSequence text, SourceFile file) {
    this.file = file;
    int n = text.length();
    int[] starts = new int[16];
    int count = 1;
    if (text instanceof String s && s.indexOf('\r') < 0) {
      // the usual case: LF only, found by the intrinsic indexOf instead of a charAt per character
      for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = i + 1;
      }
      n = 0;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          crlf.set(count - 1);
          i++;
        }
        if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
    this.length = text.length();
  }

  /** The file whose text this indexes, or null. */
  public SourceFile file() {
    return file;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  public int length() {
    return length;
  }

  /** 1-based line of an offset (offsets past the end clamp to the end). */
  public int line(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    int h = hint;
    if (h < lineStarts.length
        && lineStarts[h] <= o
        && (h + 1 == lineStarts.length || o < lineStarts[h + 1])) {
      return h + 1;
    }
    int i = Arrays.binarySearch(lineStarts, o);
    int k = i >= 0 ? i : -i - 2;
    hint = k;
    return k + 1;
  }

  /** 1-based column of an offset. */
  public int column(int offset) {
    int o = inLine(offset);
    return o - lineStarts[line(o) - 1] + 1;
  }

  /**
   * The offset clamped to the text. An offset between the '\r' and '\n' of a CRLF (the end of a range that
   * ends with the '\r') is the start of the next line, where the same range ends in an LF file: no column lies
   * past the end of its line, and CRLF and LF files give the same positions.
   */
  private int inLine(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    if (crlf.isEmpty()) return o;
    int l = line(o);
    return l < lineStarts.length && o == lineStarts[l] - 1 && crlf.get(l - 1) ? o + 1 : o;
  }

  /** Offset at which a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[Math.max(0, Math.min(line - 1, lineStarts.length - 1))];
  }

  /** Span of the half-open offset range [start, end). */
  public Span span(int start, int end) {
    int s = inLine(start);
    int e = Math.max(s, inLine(end));
    int l1 = line(s);
    int l2 = line(e);
    return new Span(l1, s - lineStarts[l1 - 1] + 1, l2, e - lineStarts[l2 - 1] + 1, file);
  }

  /** The text of every line of {@code text} (which this index was built from), without line ends. */
  public String[] texts(String text) {
    String[] out = new String[lineStarts.length];
    for (int i = 0; i < out.length; i++) {
      int from = lineStarts[i];
      int to = i + 1 < out.length ? lineStarts[i + 1] : text.length();
      while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) to--;
      out[i] = text.substring(from, to);
    }
    return out;
  }
}
