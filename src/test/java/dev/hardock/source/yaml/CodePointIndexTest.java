package dev.hardock.source.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceLayout;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** snakeyaml's marks (code points) to UTF-16 offsets: as String.offsetByCodePoints counts, and linear. */
class CodePointIndexTest {
  /** Texts of ASCII, line breaks, an emoji (a surrogate pair), a non-ASCII BMP character and lone surrogates. */
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "b", " ", "\n", "\r\n", "\r", "😀", "é", "\uD83D", "\uDE00", "𝄞")
        .list()
        .ofMaxSize(60)
        .map(l -> String.join("", l));
  }

  /** Marks by line (0-based) and column in code points, in any order, some past the line or the text. */
  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, Integer>>> marks() {
    return Arbitraries.integers()
        .between(0, 12)
        .flatMap(l -> Arbitraries.integers().between(0, 70).map(c -> Tuple.of(l, c)))
        .list()
        .ofMaxSize(30);
  }

  private static int expected(String text, LineIndex lines, int line, int column) {
    if (line + 1 > lines.lineCount()) return text.length();
    int ls = lines.lineStart(line + 1);
    try {
      return Math.min(text.length(), text.offsetByCodePoints(ls, column));
    } catch (IndexOutOfBoundsException e) {
      return Math.min(text.length(), ls + column);
    }
  }

  private static Mark mark(int line, int column) {
    return new Mark("test", 0, line, column, new int[0], 0);
  }

  @Property
  void aMarkIsWhereOffsetByCodePointsPutsIt(
      @ForAll("texts") String text, @ForAll("marks") List<Tuple.Tuple2<Integer, Integer>> marks) {
    LineIndex lines = new LineIndex(text);
    for (Tuple.Tuple2<Integer, Integer> m : marks) {
      assertEquals(
          expected(text, lines, m.get1(), m.get2()),
          YamlLayout.offset(text, lines, mark(m.get1(), m.get2())),
          () -> m + " in " + text.codePoints().boxed().toList());
    }
  }

  @Property
  void codePointIndicesAndOffsetsAgreeWithTheString(@ForAll("texts") String text) {
    CodePointIndex index = CodePointIndex.of(text);
    int count = text.codePointCount(0, text.length());
    assertEquals(count, index.codePoints());
    for (int k = 0; k <= count; k++) {
      int i = k;
      int o = text.offsetByCodePoints(0, i);
      assertEquals(o, index.offset(i), () -> "code point " + i);
      assertEquals(i, index.codePoint(o), () -> "offset " + o);
    }
    assertEquals(text.length(), index.offset(count + 5));
  }

  private static String oneLineFlowMapping(int labels) {
    StringBuilder b = new StringBuilder("{x: 😀, ");
    for (int i = 0; i < labels; i++) b.append("label").append(i).append(": v, ");
    return b.append("y: z}\n").toString();
  }

  /**
   * 100,000 marks along a 1.5 MB line with an emoji near its start, forwards and backwards: the work is one
   * scan of the text and a binary search of its one pair per mark (a walk from the line's start at each mark
   * stepped over about 10^11 characters).
   */
  @Test
  void marksAlongAHugeLineWithAnEmojiCostLinearWork() {
    String text = oneLineFlowMapping(100_000);
    LineIndex lines = new LineIndex(text);
    CodePointIndex index = YamlLayout.index(text);
    int codePoints = text.length() - 1;
    for (int i = 0; i < 100_000; i++) {
      int column = (int) ((long) i * (codePoints - 1) / 100_000);
      int back = codePoints - 1 - column;
      // the one emoji is code point 4: after it, a code point is one unit further on
      assertEquals(column + (column > 4 ? 1 : 0), YamlLayout.offset(text, lines, mark(0, column)));
      assertEquals(back + (back > 4 ? 1 : 0), YamlLayout.offset(text, lines, mark(0, back)));
    }
    assertTrue(index.work() <= text.length() + 200_000L * 2, () -> "work " + index.work());
  }

  /** The layout of that file, end to end: every mark converted by the one index, in linear work. */
  @Test
  void theLayoutOfAHugeOneLineFlowMappingWithAnEmojiIsLinear() {
    String text = oneLineFlowMapping(100_000);
    SourceLayout layout = new SourceLayout();
    YamlLayout.read(text, new LineIndex(text), "compose.yaml", layout);
    CodePointIndex index = YamlLayout.index(text);
    // about 300,000 marks (a start and an end per scalar), each searching one pair
    assertTrue(index.work() <= text.length() + 2_000_000L, () -> "work " + index.work());
    assertTrue(index.work() > text.length(), () -> "work " + index.work());
  }
}
