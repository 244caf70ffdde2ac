package dev.hardock.model;

import java.util.Arrays;

/**
 * Text assembled from pieces of a source file (a RUN body without its line continuations, a Markdown code
 * block, a YAML block scalar), remembering for every character the offset it came from, so a finding on
 * the assembled text points at the original line and column.
 */
public final class MappedText implements CharSequence {
  private final String text;
  private final int[] offsets; // offsets[i] = original offset of text.charAt(i); offsets[length] = end

  private MappedText(String text, int[] offsets) {
    this.text = text;
    this.offsets = offsets;
  }

  /** A contiguous slice [start, end) of the original text. */
  public static MappedText of(CharSequence original, int start, int end) {
    Builder b = new Builder(end - start);
    b.append(original, start, end);
    return b.build(end);
  }

  public String text() {
    return text;
  }

  /** Original offset of the character at {@code index}; {@code index == length()} gives the end offset. */
  public int originalOffset(int index) {
    return offsets[Math.max(0, Math.min(index, text.length()))];
  }

  /** Original half-open offset range covered by the assembled range [start, end). */
  public int originalEnd(int start, int end) {
    if (end <= start) return originalOffset(start);
    return offsets[Math.min(end, text.length()) - 1] + 1;
  }

  /** Span in the original file of the assembled range [start, end). */
  public Span span(LineIndex lines, int start, int end) {
    return lines.span(originalOffset(start), originalEnd(start, end));
  }

  public MappedText sub(int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    int[] o = Arrays.copyOfRange(offsets, s, e + 1);
    if (e > s) o[e - s] = offsets[e - 1] + 1;
    return new MappedText(text.substring(s, e), o);
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
    private int[] offsets;

    public Builder(int capacity) {
      sb = new StringBuilder(Math.max(16, capacity));
      offsets = new int[Math.max(16, capacity + 1)];
    }

    public Builder() {
      this(64);
    }

    public Builder append(CharSequence original, int start, int end) {
      for (int i = start; i < end; i++) append(original.charAt(i), i);
      return this;
    }

    public Builder append(char c, int originalOffset) {
      int n = sb.length();
      if (n + 1 >= offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
      offsets[n] = originalOffset;
      sb.append(c);
      return this;
    }

    public int length() {
      return sb.length();
    }

    /** @param endOffset original offset just past the last piece, used for empty texts and end spans */
    public MappedText build(int endOffset) {
      int n = sb.length();
      int[] o = Arrays.copyOf(offsets, n + 1);
      o[n] = n > 0 ? Math.max(offsets[n - 1] + 1, n > 0 ? offsets[n - 1] + 1 : endOffset) : endOffset;
      return new MappedText(sb.toString(), o);
    }
  }
}
