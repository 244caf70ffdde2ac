package dev.hardock.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A span names the file it was made from, and keeps it when narrowed or joined. */
class SpanTest {
  private final SourceFile file =
      SourceFile.of(
          Path.of("common/base.yml"),
          "common/base.yml",
          "services:\n  base:\n    privileged: true\n",
          SourceKind.COMPOSE);

  @Test
  void theLineIndexOfAFileStampsItsSpansWithIt() {
    Span s = file.lines().span(22, 38);
    assertEquals("3:5-3:21", s.toString());
    assertSame(file, s.file());
    assertSame(
        file, new SourceText(MappedText.of(file.text(), 22, 38), file.lines()).span(0, 10).file());
    assertNull(new LineIndex("a\nb\n").span(0, 1).file(), "a text of no file names none");
  }

  @Test
  void narrowedAndJoinedSpansKeepTheirFile() {
    Span s = file.lines().span(22, 38);
    assertSame(file, s.resized(3, 5, 3, 15).file());
    assertSame(file, s.to(Span.point(3, 30)).file());
    assertSame(file, Span.point(1, 1).to(s).file());
  }

  @Test
  void equalityAndOrderAreByPositionAlone() {
    Span s = file.lines().span(22, 38);
    assertEquals(new Span(3, 5, 3, 21), s);
    assertEquals(new Span(3, 5, 3, 21).hashCode(), s.hashCode());
    assertEquals(0, s.compareTo(new Span(3, 5, 3, 21)));
    assertNotEquals(new Span(3, 5, 3, 20), s);
  }

  /** Rules narrow a span with {@link Span#resized} (which keeps the file), never with a span made of numbers. */
  @Test
  void rulesMakeNoSpanFromNumbers() throws IOException {
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/hardock/rule"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(p);
        if (text.contains("new Span(") || text.contains("Span.point(")) offenders.add(p.toString());
      }
    }
    assertEquals(List.of(), offenders);
  }
}
