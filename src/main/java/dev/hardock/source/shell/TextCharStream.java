package dev.hardock.source.shell;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * A char stream over UTF-16 code units, so token indexes equal {@link dev.hardock.model.MappedText} indexes
 * (ANTLR's own streams count code points, which shifts every offset after an emoji).
 */
public final class TextCharStream implements CharStream {
  private final CharSequence text;
  private final int size;
  private int index;

  /**
   * The same characters as an array: the lexers call LA for every character, often twice, and an array read
   * is several times cheaper than String.charAt under the C1-only JIT the launcher uses. (Input is at most a
   * few MB: the loader caps file size.)
   */
  private final char[] chars;

  public TextCharStream(CharSequence text) {
    this.text = text;
    this.size = text.length();
    String s =
        text instanceof String str
            ? str
            : text instanceof dev.hardock.model.MappedText m ? m.text() : text.toString();
    this.chars = s.toCharArray();
  }

  /** The whole text this stream reads. */
  public CharSequence text() {
    return text;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.max(0, interval.a);
    int stop = Math.min(size - 1, interval.b);
    return start > stop ? "" : text.subSequence(start, stop + 1).toString();
  }

  @Override
  public void consume() {
    if (index >= size) throw new IllegalStateException("cannot consume EOF");
    index++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) return 0;
    int p = i > 0 ? index + i - 1 : index + i;
    return p < 0 || p >= size ? IntStream.EOF : chars[p];
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {}

  @Override
  public int index() {
    return index;
  }

  @Override
  public void seek(int index) {
    this.index = Math.max(0, Math.min(index, size));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String getSourceName() {
    return IntStream.UNKNOWN_SOURCE_NAME;
  }
}
