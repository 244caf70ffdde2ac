package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --fix --unsafe-fixes} over every file of ../shared/corpus (Dockerfiles, compose files, Markdown), in
 * memory: no fix is rejected for breaking the file, no new HD001, the fixes converge (nothing fixable is left,
 * so a second --fix changes nothing, checked too), and every line the fixes did not touch keeps its bytes.
 */
class FixCorpusTest {
  static final Path CORPUS = Path.of("../shared/corpus");

  @Test
  void fixingTheCorpusIsSafeAndConverges() {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<Target> targets = new ArrayList<>();
    try (var walk = Files.walk(CORPUS)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = CORPUS.relativize(p).toString();
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        SourceKind kind = Discovery.kindOf(p.getFileName().toString());
        if (kind == null && rel.startsWith("dockerfiles")) kind = SourceKind.DOCKERFILE;
        if (kind == null
            && rel.startsWith("compose")
            && (n.endsWith(".yml") || n.endsWith(".yaml"))) kind = SourceKind.COMPOSE;
        if (kind == null && rel.startsWith("markdown")) kind = SourceKind.RUN;
        if (kind != null) targets.add(new Target(p, rel, kind));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertTrue(targets.size() > 3000, "expected the corpus, found " + targets.size());
    Linter linter = new Linter(LintSettings.DEFAULT);
    List<FileResult> results = linter.lint(targets, 2);
    Fixer fixer = new Fixer(linter, true, r -> r);
    List<String> problems = new ArrayList<>();
    int changed = 0;
    int fixes = 0;
    for (int i = 0; i < targets.size(); i++) {
      FileResult r = results.get(i);
      if (r.findings().stream().noneMatch(f -> Fixer.applies(f, true))) continue;
      Fixer.Outcome o = fixer.fix(targets.get(i), r, null);
      String name = r.displayPath();
      if (o.error() != null) {
        if (!o.error().startsWith("not UTF-8")) problems.add(name + ": " + o.error());
        continue;
      }
      if (!o.rejected().isEmpty())
        problems.add(name + ": fixes that broke the file: " + o.rejected());
      if (hd001(o.result()) > hd001(r)) problems.add(name + ": new HD001");
      for (Finding f : o.result().findings()) {
        if (Fixer.applies(f, true))
          problems.add(name + ": still fixable after --fix: " + f.rule().id() + " at " + f.span());
      }
      if (!o.changed()) continue;
      changed++;
      fixes += o.fixed();
      Fixer.Outcome again =
          fixer.fix(targets.get(i), o.result(), o.written().getBytes(StandardCharsets.UTF_8));
      if (again.changed()) problems.add(name + ": a second --fix changed it");
      untouchedLinesKept(name, o.before(), o.after(), problems);
    }
    assertEquals(
        List.of(),
        problems.subList(0, Math.min(problems.size(), 40)),
        problems.size() + " problems");
    assertTrue(changed > 100, "files changed: " + changed + ", fixes: " + fixes);
  }

  private static int hd001(FileResult r) {
    int n = 0;
    for (Finding f : r.findings()) if (f.rule().id().equals("HD001")) n++;
    return n;
  }

  /** The lines of {@code before} outside the diff's changed lines appear, unchanged and in order, in {@code after}. */
  static void untouchedLinesKept(String name, String before, String after, List<String> problems) {
    String diff = dev.hardock.report.UnifiedDiff.of("x", before, after);
    List<String> removed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (String l : diff.split("\n", -1)) {
      if (l.startsWith("-") && !l.startsWith("---")) removed.add(l.substring(1));
      if (l.startsWith("+") && !l.startsWith("+++")) added.add(l.substring(1));
    }
    // every line kept (in neither list) is common to both; the counts add up
    long beforeLines = before.lines().count();
    long afterLines = after.lines().count();
    if (beforeLines - removed.size() != afterLines - added.size()) {
      problems.add(
          name
              + ": lines outside the edits changed ("
              + beforeLines
              + "-"
              + removed.size()
              + " vs "
              + afterLines
              + "-"
              + added.size()
              + ")");
    }
    if (removed.size() > 3 * Math.max(1, added.size()) + 10)
      problems.add(name + ": the fixes removed " + removed.size() + " lines");
  }
}
