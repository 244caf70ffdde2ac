package dev.hardock.source.yaml;

import java.util.Arrays;

/**
 * Code point indices of a text to UTF-16 offsets and back: snakeyaml-engine counts positions (a mark's index and
 * column) in code points, every position of hardock in UTF-16 units. The one conversion of the YAML readers
 * (the layout, the run readers' {@code FileText}, compose's {@code YamlFile}, the configuration's columns).
 *
 * <p>Made in one scan of the text, which records where its surrogate pairs are; a conversion then searches that
 * record (a text without one needs no search), so marks may come in any order and none walks along a line: a
 * walk from the line's start at each mark made a one-line flow mapping of 100,000 labels with one emoji
 * quadratic. An unpaired surrogate counts as one code point, as {@link String#offsetByCodePoints} counts it.
 */
public final class CodePointIndex {
  private final int length;

  /** The offsets of the surrogate pairs' first halves, ascending. */
  private final int[] pairs;

  /** Characters scanned and pairs probed so far: what tests count instead of timing it. */
  private long work;

  private CodePointIndex(int length, int[] pairs, long work) {
    this.length = length;
    this.pairs = pairs;
    this.work = work;
  }

  /** The index of {@code text}: one scan. */
  public static CodePointIndex of(String text) {
    int n = text.length();
    int[] pairs = new int[0];
    int count = 0;
    for (int i = 0; i + 1 < n; i++) {
      if (Character.isHighSurrogate(text.charAt(i))
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (count == pairs.length) pairs = Arrays.copyOf(pairs, Math.max(8, count * 2));
        pairs[count++] = i++;
      }
    }
    return new CodePointIndex(n, Arrays.copyOf(pairs, count), n);
  }

  /** The text's length in UTF-16 units. */
  public int length() {
    return length;
  }

  /** The number of code points of the text. */
  public int codePoints() {
    return length - pairs.length;
  }

  /** Whether the text has a surrogate pair (otherwise code points and UTF-16 units are the same). */
  public boolean astral() {
    return pairs.length > 0;
  }

  /**
   * The code point index of a UTF-16 offset (clamped to the text): code points before it, the second half of a
   * pair it falls inside counted with its first.
   */
  public int codePoint(int offset) {
    int o = Math.max(0, Math.min(offset, length));
    return o - pairsBefore(o);
  }

  /**
   * The UTF-16 offset of code point {@code index} (clamped to the text): equal to {@code
   * text.offsetByCodePoints(0, index)}.
   */
  public int offset(int index) {
    int c = Math.max(0, Math.min(index, codePoints()));
    // pairs whose code point index is below c: pairs[i] - i is that index, ascending in i
    int lo = 0;
    int hi = pairs.length;
    while (lo < hi) {
      work++;
      int mid = (lo + hi) >>> 1;
      if (pairs[mid] - mid < c) lo = mid + 1;
      else hi = mid;
    }
    return c + lo;
  }

  /**
   * The UTF-16 offset {@code codePoints} code points after {@code from} (a code point boundary), as {@code
   * text.offsetByCodePoints(from, codePoints)} gives it; past the text's end, {@code from + codePoints}
   * clamped to it.
   */
  public int offset(int from, int codePoints) {
    if (pairs.length == 0) return Math.min(length, from + codePoints);
    long c = (long) codePoint(from) + codePoints;
    if (codePoints < 0 || c > codePoints()) return Math.min(length, from + Math.max(0, codePoints));
    return offset((int) c);
  }

  private int pairsBefore(int o) {
    int lo = 0;
    int hi = pairs.length;
    while (lo < hi) {
      work++;
      int mid = (lo + hi) >>> 1;
      if (pairs[mid] < o) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Characters scanned and pairs probed so far. */
  long work() {
    return work;
  }
}
