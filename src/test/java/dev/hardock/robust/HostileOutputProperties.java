package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.report.Formats;
import dev.hardock.report.Summary;
import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleMeta;
import dev.hardock.rule.RuleRegistry;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For file names, messages and source lines full of control and bidi characters, no output format prints
 * one raw (only the format's own line breaks), no line of any other format than github is a workflow command
 * (after leading white space, or the old {@code ##[} syntax anywhere), gnu prints one line per finding and
 * github one workflow command per finding.
 */
class HostileOutputProperties {
  /** Text mixing plain characters with every class {@code Visible} escapes, and lone surrogates. */
  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<Character> bad =
        Arbitraries.of(
            '\n', '\r', '\t', '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009b', '\u061c',
            '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2028', '\u2029',
            '\ud800', '\udc00', '%', ':', ',', '"', '<', '&', '\\', '#', '[', ' ', '\u00a0');
    Arbitrary<Character> plain = Arbitraries.chars().range(' ', '~');
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, plain),
            net.jqwik.api.Tuple.of(1, bad),
            net.jqwik.api.Tuple.of(1, Arbitraries.chars()))
        .list()
        .ofMaxSize(60)
        .map(
            cs -> {
              StringBuilder b = new StringBuilder();
              for (char c : cs) b.append(c);
              return b.toString();
            })
        // a workflow command where the runner looks for one: at the start (after white space), ##[
        // anywhere
        .flatMap(
            t ->
                Arbitraries.of("", "", "::error::x", " \u00a0::add-mask::", "##[error]")
                    .map(p -> p + t));
  }

  @Property(tries = 300)
  void noFormatPrintsARawControlOrBidiCharacter(
      @ForAll("hostile") String name,
      @ForAll("hostile") String message,
      @ForAll("hostile") String line1,
      @ForAll("hostile") String line2)
      throws Exception {
    String text = line1 + "\n" + line2 + "\n";
    int lines = text.split("\n", -1).length - 1;
    RuleMeta rule =
        RuleRegistry.builtIn().find("HD401"); // a secret rule: its spans are masked in frames too
    List<Finding> findings = new ArrayList<>();
    findings.add(
        new Finding(
            rule,
            rule.severity(),
            name,
            new Span(1, 1, 1, Math.max(2, line1.length() / 2 + 1)),
            message,
            SourceKind.COMPOSE));
    findings.add(
        new Finding(
            rule,
            rule.severity(),
            name,
            new Span(1, 2, Math.min(2, lines), 3),
            message,
            SourceKind.COMPOSE));
    FileResult r = new FileResult(name, SourceKind.COMPOSE, findings, text, name, List.of());
    for (String format : Formats.NAMES) {
      StringWriter out = new StringWriter();
      Formats.of(format, false, false).write(List.of(r), Summary.of(List.of(r), 0), out);
      String s = out.toString();
      assertEquals(-1, HostileOutputTest.firstUnsafe(s), format + ": " + s);
      if (!format.equals("github")) {
        for (String l : s.split("\n")) {
          assertTrue(
              !HostileOutputTest.commandStart(l) && !l.contains("##["),
              format + ": a workflow command in: " + l);
        }
      }
      if (format.equals("gnu")) assertEquals(findings.size(), s.split("\n").length, s);
      if (format.equals("github")) {
        String[] commands = s.split("\n");
        assertEquals(findings.size(), commands.length, s);
        for (String c : commands) assertTrue(c.startsWith("::error file="), c);
      }
    }
  }
}
