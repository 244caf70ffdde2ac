package dev.hardock.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON as the machine formats (json, sarif, gitlab) write it: jackson escapes C0 controls itself; this also
 * writes DEL, C1 controls, bidi controls and the line separators of {@link Visible#unsafe}, and surrogates, as
 * {@code \\uXXXX} escapes. The decoded text is unchanged, but a report that someone {@code cat}s, or that a CI log or a
 * diff shows, holds none of them raw. Reports write through {@link #guard}.
 */
final class JsonEscapes extends CharacterEscapes {
  private static final JsonEscapes INSTANCE = new JsonEscapes();
  private final int[] ascii;

  private JsonEscapes() {
    ascii = standardAsciiEscapesForJSON();
    ascii[0x7f] = ESCAPE_STANDARD;
  }

  /** A generator factory with these escapes that leaves the target open. */
  static JsonFactory factory() {
    JsonFactory f = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    f.setCharacterEscapes(INSTANCE);
    return f;
  }

  /**
   * {@code out} with the old workflow-command syntax {@code ##[} ({@link Visible#OLD_COMMAND}, which the GitHub
   * runner reads anywhere in a line of the log) written with the bracket as a JSON escape: a {@code #} only occurs
   * inside a string, so this is an escape there and the decoded text is unchanged.
   */
  static Writer guard(Writer out) {
    return new FilterWriter(out) {
      private int hashes; // how many '#' were written last

      @Override
      public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
      }

      @Override
      public void write(String s, int off, int len) throws IOException {
        int from = off;
        for (int i = off;
            i < off + len;
            i++) { // no copy of s: jackson writes long strings in slices
          if (s.charAt(i) == '[' && hashes >= 2) {
            out.write(s, from, i - from);
            out.write("\\u005b");
            from = i + 1;
          }
          hashes = s.charAt(i) == '#' ? hashes + 1 : 0;
        }
        out.write(s, from, off + len - from);
      }

      @Override
      public void write(char[] c, int off, int len) throws IOException {
        int from = off;
        for (int i = off; i < off + len; i++) {
          if (c[i] == '[' && hashes >= 2) {
            out.write(c, from, i - from);
            out.write("\\u005b");
            from = i + 1;
          }
          hashes = c[i] == '#' ? hashes + 1 : 0;
        }
        out.write(c, from, off + len - from);
      }
    };
  }

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    // surrogates too: a lone one would reach the encoder (which writes '?'); a pair as two escapes
    // is the same text
    if (ch > 0xffff || !Visible.unsafe((char) ch) && !Character.isSurrogate((char) ch)) return null;
    String h = Integer.toHexString(ch);
    return new SerializedString("\\u" + "0".repeat(4 - h.length()) + h);
  }
}
