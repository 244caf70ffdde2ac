package dev.hardock.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.FixApplier;
import dev.hardock.engine.Fixer;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.LineIndex;
import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Fix;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fixes as properties. The applier: on arbitrary text (CRLF, lone CR, surrogate pairs) with arbitrary edits, the
 * result is the text with exactly the applied edits made (checked against a plain reference), applied edits never
 * overlap, and each fix left out overlaps one applied or has a span it must not split. The whole loop, on generated
 * Dockerfiles, compose files, scripts and daemon.json: no fix is rejected, no new HD001, nothing fixable is left, a
 * second --fix changes nothing.
 */
class FixProperties {
  record RawEdit(int a, int b, String text) {}

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of("a", "b", " ", "\n", "\r\n", "\r", "\t", "é", "😀", "#", "\"")
        .list()
        .ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<RawEdit>> edits() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 60);
    Arbitrary<String> text = Arbitraries.of("", "x", "yy", " z ", "é", "😀").map(s -> s);
    return Combinators.combine(at, at, text).as(RawEdit::new).list().ofMaxSize(8);
  }

  @Property(tries = 400)
  void appliedEditsAreExactlyTheChange(
      @ForAll("texts") String text, @ForAll("edits") List<RawEdit> raw) {
    LineIndex lines = new LineIndex(text);
    List<Fix> fixes = new ArrayList<>();
    for (RawEdit r : raw) {
      int a = Math.min(Math.min(r.a(), r.b()), text.length());
      int b = Math.min(Math.max(r.a(), r.b()), text.length());
      Span s = lines.span(a, b);
      fixes.add(Fix.safe("t", new Edit("f", s, r.text())));
    }
    FixApplier.Round round = FixApplier.apply(text, fixes);
    // the reference: the applied edits by offset, made from the end backwards
    List<int[]> ranges = new ArrayList<>();
    List<String> inserted = new ArrayList<>();
    for (Fix f : round.applied()) {
      Edit e = f.edits().get(0);
      int from = offset(text, lines, e.span().line(), e.span().column());
      int to = offset(text, lines, e.span().endLine(), e.span().endColumn());
      boolean same = false;
      for (int k = 0; k < ranges.size(); k++) {
        int[] q = ranges.get(k);
        if (q[0] == from && q[1] == to && inserted.get(k).equals(e.text())) same = true;
        else assertFalse(from < q[1] && q[0] < to, "applied edits overlap");
      }
      if (same) continue;
      ranges.add(new int[] {from, to});
      inserted.add(e.text());
    }
    StringBuilder ref = new StringBuilder(text);
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < ranges.size(); k++) order.add(k);
    order.sort(
        (x, y) ->
            ranges.get(y)[0] != ranges.get(x)[0]
                ? Integer.compare(ranges.get(y)[0], ranges.get(x)[0])
                : Integer.compare(ranges.get(y)[1], ranges.get(x)[1]));
    for (int k : order) ref.replace(ranges.get(k)[0], ranges.get(k)[1], inserted.get(k));
    assertEquals(ref.toString(), round.text());
    // a fix left out conflicts with one applied, or would split a CRLF or a surrogate pair
    for (Fix f : fixes) {
      if (round.applied().contains(f)) continue;
      Edit e = f.edits().get(0);
      int from = offset(text, lines, e.span().line(), e.span().column());
      int to = offset(text, lines, e.span().endLine(), e.span().endColumn());
      boolean conflicts = splits(text, from) || splits(text, to);
      for (int[] q : ranges) {
        conflicts |=
            (from < q[1] && q[0] < to)
                || (from == to && q[0] <= from && from <= q[1])
                || (q[0] == q[1] && from <= q[0] && q[0] <= to);
      }
      assertTrue(conflicts, "fix left out for no reason: " + e);
    }
  }

  private static boolean splits(String t, int at) {
    if (at <= 0 || at >= t.length()) return false;
    return (t.charAt(at - 1) == '\r' && t.charAt(at) == '\n')
        || (Character.isHighSurrogate(t.charAt(at - 1)) && Character.isLowSurrogate(t.charAt(at)));
  }

  private static int offset(String text, LineIndex lines, int line, int column) {
    return lines.lineStart(line) + column - 1;
  }

  @Provide
  Arbitrary<String[]> files() {
    return Arbitraries.oneOf(
        Gen.validDockerfile().map(t -> new String[] {"Dockerfile", t}),
        Gen.compose().map(t -> new String[] {"compose.yaml", t}),
        Gen.shellScript().map(t -> new String[] {"run.sh", t}),
        Gen.markdown().map(t -> new String[] {"README.md", t}),
        Gen.makefile().map(t -> new String[] {"Makefile", t}),
        Gen.daemonJson().map(t -> new String[] {"daemon.json", t}));
  }

  @Property(tries = 150)
  void fixingGeneratedFilesIsSafeAndConverges(
      @ForAll("files") String[] file, @ForAll boolean unsafe) {
    String name = file[0];
    byte[] bytes = file[1].getBytes(StandardCharsets.UTF_8);
    SourceKind kind = dev.hardock.engine.Discovery.kindOf(name);
    Target t = new Target(Path.of(name), name, kind);
    Linter linter = new Linter(LintSettings.DEFAULT);
    FileResult first = linter.lint(t, bytes);
    Fixer fixer = new Fixer(linter, unsafe, r -> r);
    Fixer.Outcome o = fixer.fix(t, first, bytes);
    net.jqwik.api.statistics.Statistics.label("changed").collect(o.changed());
    net.jqwik.api.statistics.Statistics.label("changed")
        .coverage(c -> c.check(true).percentage(p -> p >= 10));
    if (o.error() != null) {
      assertTrue(o.error().startsWith("not UTF-8"), o.error());
      return;
    }
    assertEquals(List.of(), o.rejected(), "fixes that broke the file");
    assertTrue(hd001(o.result()) <= hd001(first), "new HD001 in\n" + o.after());
    for (Finding f : o.result().findings())
      assertFalse(Fixer.applies(f, unsafe), "still fixable: " + f + "\n" + o.after());
    Fixer.Outcome again = fixer.fix(t, o.result(), o.written().getBytes(StandardCharsets.UTF_8));
    assertFalse(again.changed(), "a second --fix changed\n" + o.after());
  }

  private static int hd001(FileResult r) {
    int n = 0;
    for (Finding f : r.findings()) if (f.rule().id().equals("HD001")) n++;
    return n;
  }
}
