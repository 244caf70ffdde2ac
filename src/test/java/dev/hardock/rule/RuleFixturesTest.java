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
import java.io.IOException;
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
   * Side-cars: expected findings ({@code .expect}) and rule options ({@code .options}) of a fixture, and the
   * {@code .env} Compose reads for the compose fixtures of its folder.
   */
  static boolean isSidecar(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".expect") || n.endsWith(".options") || n.equals(".env");
  }

  @TestFactory
  Stream<DynamicTest> fixturesProduceExactlyTheMarkedFindings() throws IOException {
    List<Path> files = fixtures();
    assertFalse(files.isEmpty());
    return files.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), () -> {
      String ruleId = p.getParent().getFileName().toString();
      RuleMeta rule = RuleRegistry.find(ruleId);
      assertTrue(rule != null, "fixture folder names no rule: " + ruleId);
      LintSettings settings = new LintSettings(Set.of(ruleId), Set.of(), Map.of(),
          FixtureOptions.forFixture(ruleId, p));
      FileResult r = new Linter(settings).lint(new Target(p, p.toString(), kindOf(p)), null);
      List<Expectations.Expected> actual = new ArrayList<>();
      List<String> messages = new ArrayList<>();
      for (Finding f : r.findings()) {
        if (!f.rule().id().equals(ruleId) && !f.rule().id().equals("HD001")) continue;
        messages.add(f.span() + " " + f.rule().id() + " " + f.message());
        actual.add(new Expectations.Expected(f.rule().id(), f.span().line(), f.span().column(), f.span().endLine(),
            f.span().endColumn()));
      }
      actual.sort(null);
      List<Expectations.Expected> expected = Expectations.read(p);
      String name = p.getFileName().toString();
      if (name.startsWith("bad")) assertFalse(expected.isEmpty(), "a bad fixture must mark at least one finding");
      if (name.startsWith("good")) assertTrue(expected.isEmpty(), "a good fixture marks no finding");
      assertEquals(expected.toString(), actual.toString(), "findings of " + ruleId + " in " + p + ": " + messages);
    }));
  }
}
