package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.engine.Discovery;
import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.SourceKind;
import dev.hardock.report.Formats;
import dev.hardock.report.Summary;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under testdata/rules/HDnnn/ is linted with rule HDnnn switched on; its findings of that rule
 * (and any HD001) must equal the fixture's expectation markers exactly, positions included. Good fixtures
 * carry no markers, so any finding of the rule fails them. A side-car {@code <fixture>.options} sets the rule's
 * options for that fixture (see {@link FixtureOptions}).
 *
 * <p>The wording is pinned too: a fixture with findings has a snapshot {@code <fixture>.snap} beside it, the text
 * report of those findings (message, code frame, help line; no colour, no summary, paths relative to the
 * repository). A missing or different snapshot fails; {@code -Dhardock.update=true} writes them (and deletes
 * those of fixtures that no longer have findings), to be reviewed as a diff.
 */
class RuleFixturesTest {
  static final Path ROOT = Path.of("testdata/rules");

  static SourceKind kindOf(Path p) {
    String n = p.getFileName().toString();
    SourceKind k = Discovery.kindOf(n);
    if (k == null) k = Discovery.byContent(p, dev.hardock.io.DiskAccess.forPath(p)); // Ansible YAML
    if (k != null) return k;
    throw new IllegalArgumentException("cannot tell the kind of fixture " + p);
  }

  static List<Path> fixtures() throws IOException {
    try (Stream<Path> s = Files.walk(ROOT)) {
      return s.filter(Files::isRegularFile).filter(p -> !isSidecar(p)).sorted().toList();
    }
  }

  /**
   * Side-cars: expected findings ({@code .expect}), rule options ({@code .options}) and the message snapshot
   * ({@code .snap}) of a fixture, and the
   * {@code .env} Compose reads for the compose fixtures of its folder.
   */
  static boolean isSidecar(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".expect")
        || n.endsWith(".options")
        || n.endsWith(".snap")
        || n.equals(".env");
  }

  @TestFactory
  Stream<DynamicTest> fixturesProduceExactlyTheMarkedFindings() throws IOException {
    List<Path> files = fixtures();
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    ROOT.relativize(p).toString(),
                    () -> {
                      String ruleId = p.getParent().getFileName().toString();
                      RuleMeta rule = RuleRegistry.builtIn().find(ruleId);
                      assertTrue(rule != null, "fixture folder names no rule: " + ruleId);
                      LintSettings settings =
                          new LintSettings(
                              Set.of(ruleId),
                              Set.of(),
                              Map.of(),
                              FixtureOptions.forFixture(ruleId, p));
                      FileResult r =
                          new Linter(settings).lint(new Target(p, p.toString(), kindOf(p)), null);
                      List<Expectations.Expected> actual = new ArrayList<>();
                      List<String> messages = new ArrayList<>();
                      List<Finding> shown = new ArrayList<>();
                      for (Finding f : r.findings()) {
                        if (!f.rule().id().equals(ruleId) && !f.rule().id().equals("HD001"))
                          continue;
                        shown.add(f);
                        messages.add(f.span() + " " + f.rule().id() + " " + f.message());
                        actual.add(
                            new Expectations.Expected(
                                f.rule().id(),
                                f.span().line(),
                                f.span().column(),
                                f.span().endLine(),
                                f.span().endColumn()));
                      }
                      actual.sort(null);
                      List<Expectations.Expected> expected = Expectations.read(p);
                      String name = p.getFileName().toString();
                      if (name.startsWith("bad"))
                        assertFalse(
                            expected.isEmpty(), "a bad fixture must mark at least one finding");
                      if (name.startsWith("good"))
                        assertTrue(expected.isEmpty(), "a good fixture marks no finding");
                      assertEquals(
                          expected.toString(),
                          actual.toString(),
                          "findings of " + ruleId + " in " + p + ": " + messages);
                      checkSnapshot(
                          p,
                          new FileResult(
                              r.displayPath(), r.kind(), shown, r.text(), r.uri(), List.of()));
                    }));
  }

  /** The fixture's findings as the text report shows them, against {@code <fixture>.snap}. */
  static void checkSnapshot(Path fixture, FileResult r) throws IOException {
    Path snapshot = fixture.resolveSibling(fixture.getFileName() + ".snap");
    boolean update = Boolean.getBoolean("hardock.update");
    if (r.findings().isEmpty()) {
      if (update) Files.deleteIfExists(snapshot);
      assertFalse(
          Files.exists(snapshot),
          snapshot
              + " is stale: the fixture has no findings (delete it, or run with"
              + " -Dhardock.update=true)");
      return;
    }
    StringWriter w = new StringWriter();
    List<FileResult> results = List.of(r);
    Formats.of("text", false, true).write(results, Summary.of(results, 0), w);
    String actual = w.toString();
    if (update) Files.writeString(snapshot, actual);
    assertTrue(
        Files.exists(snapshot),
        "no snapshot " + snapshot + ": run with -Dhardock.update=true and review it");
    assertEquals(
        Files.readString(snapshot),
        actual,
        "snapshot " + snapshot + " (refresh with -Dhardock.update=true" + " and review the diff)");
  }
}
