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
    return new Finding(
        RuleRegistry.builtIn().find("HD201"),
        RuleRegistry.builtIn().find("HD201").severity(),
        "Dockerfile",
        span,
        message,
        SourceKind.DOCKERFILE);
  }

  static FileResult file(String text, Finding... findings) {
    return new FileResult(
        "Dockerfile", SourceKind.DOCKERFILE, List.of(findings), text, "Dockerfile", List.of());
  }

  @Test
  void githubCommandsEscapeDataAndProperties() {
    assertEquals("100%25 done%0D%0Anext: a, b", GithubReport.data("100% done\r\nnext: a, b"));
    assertEquals("dir%3Aa%2Cb/Dockerfile%25", GithubReport.property("dir:a,b/Dockerfile%"));
  }

  @Test
  void checkstyleEscapesMarkupAndForbiddenCharacters() {
    assertEquals(
        "a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;&#10;\\x01\uD83D\uDE00",
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
    assertEquals(
        true,
        out.contains("  2 | RUN one \\\n    |     ^^^^^\n    ...\n  4 |   three\n    |   ^^^^^\n"),
        out);
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws Exception {
    String out =
        render(
            file("FROM \u001b[31mx\n", finding(new Span(1, 6, 1, 7), "bad \u001b]0;title\u0007")));
    assertEquals(-1, out.indexOf('\u001b'), out);
  }

  @Test
  void longLinesShowAWindowAroundTheSpan() {
    String line = "a".repeat(1000) + "TARGET" + "b".repeat(1000);
    TextReport.Shown mid = TextReport.shown(line, 1000, 1006);
    // at most 120 columns, the leading cut mark included, then the trailing one
    assertEquals("..." + "a".repeat(40) + "TARGET" + "b".repeat(71) + "...", mid.text());
    assertEquals("TARGET", mid.text().substring(mid.start(), mid.stop()));
    TextReport.Shown start = TextReport.shown(line, 0, 3);
    assertEquals("a".repeat(120) + "...", start.text());
    assertEquals(0, start.start());
    assertEquals(3, start.stop());
    TextReport.Shown end =
        TextReport.shown(line, 2005, 2007); // the last character and the column after it
    assertEquals("..." + "b".repeat(120), end.text());
    assertEquals(122, end.start());
    assertEquals(124, end.stop());
    // a span longer than the window is underlined up to the cut
    TextReport.Shown wide = TextReport.shown(line, 500, 1900);
    assertEquals(120, wide.stop());
    // short lines are shown whole, with escapes and tabs aligned
    TextReport.Shown esc = TextReport.shown("\u001b[2J\tx\u202e", 5, 6);
    assertEquals("\\x1b[2J x\\u202e", esc.text()); // the escape takes 7 columns: the tab goes to 8
    assertEquals("x", esc.text().substring(esc.start(), esc.stop()));
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

  @Test
  void jsonFormatsEscapeControlsAndBidiButKeepTheExactText() throws Exception {
    String hostile =
        "a\u001b[2J\u0007\u007f\u009b\u202e\u2066\u200f\u061c\u2028\uD83D\uDE00\ud800z";
    FileResult r = file("FROM node\n", finding(new Span(1, 6, 1, 10), hostile));
    for (String format : List.of("json", "sarif", "gitlab")) {
      StringWriter w = new StringWriter();
      Formats.of(format, false, false).write(List.of(r), Summary.of(List.of(r), 0), w);
      String out = w.toString();
      for (char c : out.toCharArray())
        assertEquals(
            false,
            c != '\n' && (Visible.unsafe(c) || Character.isSurrogate(c)),
            format + ": " + out);
      var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
      String message =
          switch (format) {
            case "json" -> tree.get("findings").get(0).get("message").asText();
            case "sarif" ->
                tree.get("runs").get(0).get("results").get(0).get("message").get("text").asText();
            default -> tree.get(0).get("description").asText();
          };
      // the lone surrogate is the one character JSON cannot carry through a decoder
      assertEquals(
          hostile.substring(0, hostile.length() - 2),
          message.substring(0, message.length() - 2),
          format);
    }
  }

  @Test
  void findingsAtOneSpanShareOneFrame() throws Exception {
    Span run = new Span(1, 1, 1, 11);
    Finding memory =
        new Finding(
            RuleRegistry.builtIn().find("HD120"),
            dev.hardock.rule.Severity.WARNING,
            "run.sh",
            run,
            "no memory limit",
            SourceKind.RUN);
    Finding pids =
        new Finding(
            RuleRegistry.builtIn().find("HD122"),
            dev.hardock.rule.Severity.INFO,
            "run.sh",
            run,
            "no process limit",
            SourceKind.RUN);
    Finding image =
        new Finding(
            RuleRegistry.builtIn().find("HD201"),
            dev.hardock.rule.Severity.WARNING,
            "run.sh",
            new Span(1, 12, 1, 17),
            "no tag",
            SourceKind.RUN);
    FileResult r =
        new FileResult(
            "run.sh",
            SourceKind.RUN,
            List.of(memory, pids, image),
            "docker run nginx\n",
            "run.sh",
            List.of());
    assertEquals(
        String.join(
            "\n",
            "run.sh",
            "  warning HD120 memory-limit-missing: no memory limit",
            "  info HD122 pids-limit-missing: no process limit",
            "   --> run.sh:1:1",
            "    |",
            "  1 | docker run nginx",
            "    | ^^^^^^^^^^",
            "    = see: hardock --explain HD120",
            "    = see: hardock --explain HD122",
            "",
            "  warning HD201 latest-tag: no tag",
            "   --> run.sh:1:12",
            "    |",
            "  1 | docker run nginx",
            "    |            ^^^^^",
            "    = help: pin a version tag, ideally with its digest (<image>:<version>@sha256:<digest>)",
            "",
            ""),
        render(r));
  }

  static String render(FileResult r) throws Exception {
    StringWriter w = new StringWriter();
    new TextReport(false, true).write(List.of(r), Summary.of(List.of(r), 0), w);
    return w.toString();
  }
}
