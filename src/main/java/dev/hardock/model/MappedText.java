package dev.hardock.model;

import java.util.Arrays;

/**
 * Text assembled from pieces of a source file (a RUN body without its line continuations, a Markdown code
 * block, a YAML block scalar), remembering for every character the offset it came from, so a finding on
 * the assembled text points at the original line and column.
 *
 * <p>The mapping is kept as runs: a run is a stretch of characters whose original offsets follow each other,
 * so a text cut from one piece of the file is a single run (no per-character array), and a RUN body of
 * {@code n} continued lines is about {@code n} runs. Offsets are found by binary search over the runs.
 */
public final class MappedText implements CharSequence {
  private static final int[] NONE = new int[0];

  private final String text;

  /** starts[k]: index in {@link #text} where run k begins (starts[0] == 0); empty for a single run. */
  private final int[] starts;

  /** origins[k]: original offset of the first character of run k; empty for a single run. */
  private final int[] origins;

  /** For a single run: the original offset of index 0 (for an empty text, the end offset). */
  private final int origin;

  private int hint;

  private MappedText(String text, int origin) {
    this.text = text;
    this.starts = NONE;
    this.origins = NONE;
    this.origin = origin;
  }

  private MappedText(String text, int[] starts, int[] origins) {
    this.text = text;
    this.starts = starts;
    this.origins = origins;
    this.origin = origins[0];
  }

  /** A contiguous slice [start, end) of the original text. */
  public static MappedText of(CharSequence original, int start, int end) {
    return new MappedText(original.subSequence(start, end).toString(), start);
  }

  public String text() {
    return text;
  }

  /** Original offset of the character at {@code index}; {@code index == length()} gives the end offset. */
  public int originalOffset(int index) {
    int i = Math.max(0, Math.min(index, text.length()));
    if (starts.length == 0) return origin + i;
    int k = run(i);
    return origins[k] + (i - starts[k]);
  }

  /** The run holding index {@code i} (the last run that starts at or before it). */
  private int run(int i) {
    // Callers walk a text mostly forwards: try the run found last time and the next one before
    // searching.
    // The hint is only a guess, checked before use, so a stale value read by another thread is
    // harmless.
    int h = hint;
    if (h < starts.length && starts[h] <= i) {
      if (h + 1 == starts.length || i < starts[h + 1]) return h;
      if (h + 2 == starts.length || i < starts[h + 2]) return hint = h + 1;
    }
    int k = Arrays.binarySearch(starts, i);
    return hint = k >= 0 ? k : -k - 2;
  }

  /** Original half-open offset range covered by the assembled range [start, end). */
  public int originalEnd(int start, int end) {
    int e = Math.min(end, text.length());
    if (e <= Math.max(0, start)) return originalOffset(start);
    return originalOffset(e - 1) + 1;
  }

  /** Span in the original file of the assembled range [start, end). */
  public Span span(LineIndex lines, int start, int end) {
    return lines.span(originalOffset(start), originalEnd(start, end));
  }

  public MappedText sub(int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    if (s == 0 && e == text.length()) return this;
    if (e == s || starts.length == 0)
      return new MappedText(text.substring(s, e), originalOffset(s));
    int first = run(s);
    int last = run(e - 1);
    if (first == last) return new MappedText(text.substring(s, e), originalOffset(s));
    int count = last - first + 1;
    int[] st = new int[count];
    int[] or = new int[count];
    or[0] = originalOffset(s);
    for (int k = 1; k < count; k++) {
      st[k] = starts[first + k] - s;
      or[k] = origins[first + k];
    }
    return new MappedText(text.substring(s, e), st, or);
  }

  /** This text without leading and trailing spaces and tabs. */
  public MappedText strip() {
    int s = 0;
    int e = text.length();
    while (s < e && isBlank(text.charAt(s))) s++;
    while (e > s && isBlank(text.charAt(e - 1))) e--;
    return sub(s, e);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }

  /** Builds a mapped text piece by piece. */
  public static final class Builder {
    private final StringBuilder sb;
    private int[] starts = new int[4];
    private int[] origins = new int[4];
    private int runs;
    private int nextOrigin = Integer.MIN_VALUE; // original offset that would extend the last run

    public Builder(int capacity) {
      sb = new StringBuilder(Math.max(16, capacity));
    }

    public Builder() {
      this(64);
    }

    public Builder append(CharSequence original, int start, int end) {
      if (end <= start) return this;
      startAt(start);
      sb.append(original, start, end);
      nextOrigin = end;
      return this;
    }

    public Builder append(char c, int originalOffset) {
      startAt(originalOffset);
      sb.append(c);
      nextOrigin = originalOffset + 1;
      return this;
    }

    private void startAt(int originalOffset) {
      if (runs > 0 && originalOffset == nextOrigin) return;
      if (runs == starts.length) {
        starts = Arrays.copyOf(starts, runs * 2);
        origins = Arrays.copyOf(origins, runs * 2);
      }
      starts[runs] = sb.length();
      origins[runs] = originalOffset;
      runs++;
    }

    public int length() {
      return sb.length();
    }

    /** @param endOffset original offset just past the last piece, used for empty texts and end spans */
    public MappedText build(int endOffset) {
      if (runs == 0) return new MappedText(sb.toString(), endOffset);
      if (runs == 1) return new MappedText(sb.toString(), origins[0]);
      return new MappedText(
          sb.toString(), Arrays.copyOf(starts, runs), Arrays.copyOf(origins, runs));
    }
  }
}
