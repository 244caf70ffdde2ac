package dev.hardock.source.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.Span;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.snakeyaml.engine.v2.exceptions.Mark;

/** The configuration's columns: UTF-16 units, marks in any order, as a walk along the line counts them. */
class ConfigColumnsProperties {
  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", " ", "\n", "😀", "é", "\uD83D", "\uDE00", "𝄞")
        .list()
        .ofMaxSize(50)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<Tuple.Tuple2<Integer, Integer>>> marks() {
    return Arbitraries.integers()
        .between(0, 10)
        .flatMap(l -> Arbitraries.integers().between(0, 60).map(c -> Tuple.of(l, c)))
        .list()
        .ofMaxSize(30);
  }

  /** The column a walk from the line's start gives: code points to UTF-16 units, one per code point past LF. */
  private static Span walked(String text, int line, int cp) {
    int from = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', from);
      if (nl < 0) return Span.point(line, cp + 1);
      from = nl + 1;
    }
    int at = from;
    int k = 0;
    for (; k < cp && at < text.length() && text.charAt(at) != '\n'; k++)
      at += Character.charCount(text.codePointAt(at));
    return Span.point(line, at - from + 1 + (cp - k));
  }

  @Property
  void columnsAreThoseOfAWalkAlongTheLine(
      @ForAll("texts") String text, @ForAll("marks") List<Tuple.Tuple2<Integer, Integer>> marks) {
    ConfigReader.Columns columns = new ConfigReader.Columns(text);
    for (Tuple.Tuple2<Integer, Integer> m : marks) {
      assertEquals(
          walked(text, m.get1() + 1, m.get2()),
          columns.span(new Mark("t", 0, m.get1(), m.get2(), new int[0], 0)),
          () -> m + " in " + text.codePoints().boxed().toList());
    }
  }
}
