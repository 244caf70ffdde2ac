package dev.hardock.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * HD003/HD004 fixtures for sources whose reader may live on another branch (shell scripts read as docker run
 * lines): testdata/suppressions/HDnnn/*, same markers as testdata/rules. Each is skipped while hardock has no
 * reader for its kind, and runs by itself once the reader is merged.
 */
class SuppressionFixturesTest {
  @TestFactory
  Stream<DynamicTest> suppressionFixtures() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("testdata/suppressions"))) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".expect"))
              .sorted()
              .toList();
    }
    return files.stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.toString(),
                    () -> {
                      SourceKind kind = Discovery.kindOf(p.getFileName().toString());
                      assumeTrue(kind != null, "no kind for " + p + " on this branch yet");
                      String ruleId = p.getParent().getFileName().toString();
                      FileResult r =
                          new Linter(LintSettings.DEFAULT)
                              .lint(new Target(p, p.toString(), kind), null);
                      assumeTrue(
                          r.findings().stream()
                              .noneMatch(f -> f.message().startsWith("no reader for")),
                          "no reader for " + kind + " yet");
                      List<Expectations.Expected> actual = new ArrayList<>();
                      for (Finding f : r.findings()) {
                        if (!f.rule().id().equals(ruleId) && !f.rule().id().equals("HD001"))
                          continue;
                        actual.add(
                            new Expectations.Expected(
                                f.rule().id(),
                                f.span().line(),
                                f.span().column(),
                                f.span().endLine(),
                                f.span().endColumn()));
                      }
                      actual.sort(null);
                      assertEquals(
                          Expectations.read(p).toString(),
                          actual.toString(),
                          r.findings().toString());
                    }));
  }
}
