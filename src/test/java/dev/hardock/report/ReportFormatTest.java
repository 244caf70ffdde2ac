package dev.hardock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.Fingerprints;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleRegistry;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Escaping rules of the machine formats, code frames with tabs and multi-line spans, fingerprints. */
class ReportFormatTest {
  static Finding finding(Span span, String message) {
    return new Finding(RuleRegistry.find("HD201"), RuleRegistry.find("HD201").severity(), "Dockerfile", span, message,
        SourceKind.DOCKERFILE);
  }

  static FileResult file(String text, Finding... findings) {
    return new FileResult("Dockerfile", SourceKind.DOCKERFILE, List.of(findings), text, "Dockerfile", List.of());
  }

  @Test
  void githubCommandsEscapeDataAndProperties() {
    assertEquals("100%25 done%0D%0Anext: a, b", GithubReport.data("100% done\r\nnext: a, b"));
    assertEquals("dir%3Aa%2Cb/Dockerfile%25", GithubReport.property("dir:a,b/Dockerfile%"));
  }

  @Test
  void checkstyleEscapesMarkupAndForbiddenCharacters() {
    assertEquals("a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#10;\\x01\uD83D\uDE00",
        CheckstyleReport.escape("a&b <c> \"d\" 'e'\n\u0001\uD83D\uDE00"));
  }

  @Test
  void sarifUrisArePercentEncoded() {
    assertEquals("app/my%20app.Dockerfile", SarifReport.encodeUri("app/my app.Dockerfile"));
    assertEquals("a%3Ab/%C3%A9.Dockerfile", SarifReport.encodeUri("a:b/é.Dockerfile"));
  }

  @Test
  void textFrameExpandsTabsAndUnderlinesExactColumns() throws Exception {
    String text = "FROM scratch\n\tRUN\tx\n";
    String out = render(file(text, finding(new Span(2, 6, 2, 7), "m")));
    // tab to 4 spaces, "RUN", tab to column 8: x is at display column 9 (8 spaces before it)
    assertEquals(true, out.contains("  2 |     RUN x\n    |         ^\n"), out);
  }

  @Test
  void textFrameShowsBothEndsOfAMultiLineSpan() throws Exception {
    String text = "a\nRUN one \\\n  two \\\n  three\n";
    String out = render(file(text, finding(new Span(2, 5, 4, 8), "m")));
    assertEquals(true, out.contains("  2 | RUN one \\\n    |     ^^^^^\n    ...\n  4 |   three\n    |   ^^^^^\n"), out);
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws Exception {
    String out = render(file("FROM \u001b[31mx\n", finding(new Span(1, 6, 1, 7), "bad \u001b]0;title\u0007")));
    assertEquals(-1, out.indexOf('\u001b'), out);
  }

  @Test
  void fingerprintsIgnoreLineShiftsAndWhitespaceButNotContent() {
    Finding a = finding(new Span(1, 6, 1, 10), "m");
    String fp = Fingerprints.of(file("FROM node\n", a)).get(a);
    Finding shifted = finding(new Span(3, 8, 3, 12), "m");
    assertEquals(fp, Fingerprints.of(file("# c\n\nFROM   node\n", shifted)).get(shifted));
    Finding changed = finding(new Span(1, 6, 1, 10), "m");
    assertNotEquals(fp, Fingerprints.of(file("FROM nodejs\n", changed)).get(changed));
    Finding first = finding(new Span(1, 6, 1, 10), "m");
    Finding second = finding(new Span(2, 6, 2, 10), "m");
    var both = Fingerprints.of(file("FROM node\nFROM node\n", first, second));
    assertNotEquals(both.get(first), both.get(second));
  }

  static String render(FileResult r) throws Exception {
    StringWriter w = new StringWriter();
    new TextReport(false, true).write(List.of(r), Summary.of(List.of(r), 0), w);
    return w.toString();
  }
}
