package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.engine.FileResult;
import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inputs the robustness properties found product bugs with, each kept as an exact example. */
class PropertyRegressionsTest {
  static List<String> findings(String name, SourceKind kind, String text, String rule) {
    FileResult r = LintProperties.lint(name, kind, text.getBytes(StandardCharsets.UTF_8));
    return r.findings().stream().filter(f -> f.rule().id().equals(rule)).map(PropertyRegressionsTest::at).toList();
  }

  static String at(Finding f) {
    return f.span() + " " + f.message();
  }

  /** An offset at the '\n' of a CRLF is the end of its line, not a column past it. */
  @Test
  void offsetInsideCrlfIsTheLineEnd() {
    LineIndex lines = new LineIndex("ab\r\ncd");
    assertEquals(new Span(1, 3, 1, 3), lines.span(3, 3));
    assertEquals(new Span(1, 1, 1, 3), lines.span(0, 3));
    assertEquals(3, lines.column(3));
    assertEquals(new Span(2, 1, 2, 2), lines.span(4, 5));
    // a lone CR and LF are untouched
    assertEquals(new Span(2, 1, 2, 1), new LineIndex("ab\rcd").span(3, 3));
  }

  /** A GitLab block scalar whose shell quote does not close, in a CRLF file: the end of input was at 7:32 (past the line). */
  @Test
  void unterminatedQuoteAtTheEndOfACrlfBlockScalar() {
    String text = "stages: [build]\r\nbuild:\r\n  script:\r\n  - |\r\n      docker run node\r\n  - |\r\n"
        + "      apt-get install -y A=1 \"\r\n";
    assertEquals(List.of("7:31-7:31 unexpected end of input"), findings(".gitlab-ci.yml", SourceKind.RUN, text, "HD001"));
  }
}
