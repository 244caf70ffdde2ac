package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Real compose files from ../shared/corpus/compose: every one loads with no HD001 and no crash. */
class ComposeCorpusTest {
  static final Path CORPUS = Path.of("../shared/corpus/compose");

  @Test
  void everyCorpusComposeFileLoadsWithoutParseErrors() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<Target> targets = new ArrayList<>();
    try (Stream<Path> s = Files.walk(CORPUS)) {
      s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("README.md"))
          .sorted()
          .forEach(p -> targets.add(new Target(p, p.getFileName().toString(), SourceKind.COMPOSE)));
    }
    List<FileResult> results = new Linter(LintSettings.DEFAULT).lint(targets, 2);
    CorpusTest.assertNoCrash(results);
    Map<String, String> hd001 = new TreeMap<>();
    int findings = 0;
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        findings++;
        if (f.rule().id().equals("HD001"))
          hd001.putIfAbsent(r.displayPath(), f.span() + " " + f.message());
      }
    }
    System.out.println(
        "compose corpus: "
            + results.size()
            + " files, "
            + findings
            + " findings, "
            + hd001.size()
            + " with HD001");
    assertTrue(results.size() >= 200, "expected the compose corpus, found " + results.size());
    assertEquals(Map.of(), hd001);
  }
}
