package dev.hardock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The run-based offset mapping of {@link MappedText}: every index maps exactly as a per-character table would. */
class MappedTextTest {
  // "RUN a \\\n  b\n": the assembled body "a   b" is "a " (offsets 4-5) and "  b" (offsets 8-10)
  static final String FILE = "RUN a \\\n  b\n";

  static MappedText body() {
    return new MappedText.Builder().append(FILE, 4, 6).append(FILE, 8, 11).build(11);
  }

  @Test
  void everyIndexOfAssembledPiecesMapsToItsOriginalOffset() {
    MappedText t = body();
    assertEquals("a   b", t.text());
    int[] expected = {4, 5, 8, 9, 10, 11};
    for (int i = 0; i <= t.length(); i++)
      assertEquals(expected[i], t.originalOffset(i), "index " + i);
    assertEquals(4, t.originalOffset(-3));
    assertEquals(11, t.originalOffset(99));
    assertEquals(
        6, t.originalEnd(0, 2), "a range ending at a piece's end ends after its last character");
    assertEquals(8, t.originalEnd(2, 2));
  }

  @Test
  void spansFollowTheOriginalLines() {
    MappedText t = body();
    LineIndex lines = new LineIndex(FILE);
    assertEquals(new Span(1, 5, 2, 4), t.span(lines, 0, 5));
    assertEquals(new Span(2, 3, 2, 4), t.span(lines, 4, 5));
    assertEquals(new Span(1, 5, 1, 7), t.span(lines, 0, 2));
  }

  @Test
  void subAndStripKeepTheMapping() {
    MappedText t = body();
    MappedText s = t.sub(1, 4);
    assertEquals("   ", s.text());
    assertEquals(5, s.originalOffset(0));
    assertEquals(8, s.originalOffset(1));
    assertEquals(10, s.originalOffset(3), "end of a sub is its last character + 1");
    MappedText empty = t.sub(2, 2);
    assertEquals("", empty.text());
    assertEquals(8, empty.originalOffset(0), "an empty sub sits where its index maps");
    MappedText stripped = s.strip();
    assertEquals("", stripped.text());
    assertSame(t, t.sub(0, 5));
    MappedText b = t.sub(4, 5);
    assertEquals(10, b.originalOffset(0));
    assertEquals(11, b.originalOffset(1));
  }

  @Test
  void singleCharactersAppendedOutOfOrderEachKeepTheirOffset() {
    MappedText t =
        new MappedText.Builder()
            .append('x', 7)
            .append('y', 7)
            .append('z', 8)
            .append('w', 2)
            .build(0);
    assertEquals("xyzw", t.text());
    int[] expected = {7, 7, 8, 2, 3};
    for (int i = 0; i <= t.length(); i++)
      assertEquals(expected[i], t.originalOffset(i), "index " + i);
    assertEquals(9, t.originalEnd(1, 3));
  }

  @Test
  void emptyTextsMapToTheirEndOffset() {
    assertEquals(42, new MappedText.Builder().build(42).originalOffset(0));
    assertEquals(3, MappedText.of("abcdef", 3, 3).originalOffset(0));
    MappedText of = MappedText.of("a\uD83D\uDE00b", 1, 4);
    assertEquals(
        3, of.originalOffset(2), "UTF-16 units: the character after an emoji is two units on");
  }
}
