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
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Real Dockerfiles from ../shared/corpus (present beside the repository in CI and for developers):
 * official images lint with no HD001; the GitHub collection lints with no crash and with HD001 exactly on the
 * files BuildKit itself rejects, listed with reasons in testdata/conformance/github-expected-hd001.tsv.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("../shared/corpus/dockerfiles");

  static List<FileResult> lintAll(Path dir) throws IOException {
    List<Target> targets = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile)
          .sorted()
          .forEach(
              p -> targets.add(new Target(p, p.getFileName().toString(), SourceKind.DOCKERFILE)));
    }
    return new Linter(LintSettings.DEFAULT).lint(targets, 2);
  }

  static void assertNoCrash(List<FileResult> results) {
    for (FileResult r : results) {
      for (Finding f : r.findings()) {
        assertTrue(
            !f.message().startsWith("internal error") && !f.message().startsWith("could not read"),
            r.displayPath() + ": " + f.message());
      }
    }
  }

  @Test
  void officialImagesHaveNoParseErrors() throws IOException {
    Path dir = CORPUS.resolve("official");
    assumeTrue(Files.isDirectory(dir), "corpus not present");
    List<FileResult> results = lintAll(dir);
    assertTrue(results.size() > 400, "expected the official images, found " + results.size());
    assertNoCrash(results);
    Map<String, String> hd001 = new TreeMap<>();
    for (FileResult r : results) {
      for (Finding f : r.findings())
        if (f.rule().id().equals("HD001")) hd001.putIfAbsent(r.displayPath(), f.message());
    }
    // mysql's Dockerfile.oracle is the jq template the real Dockerfile is generated from: not a
    // Dockerfile.
    hd001.remove("Dockerfile.oracle");
    assertEquals(Map.of(), hd001);
  }

  @Test
  void githubCollectionFailsOnlyWhereBuildkitWould() throws IOException {
    Path dir = CORPUS.resolve("github");
    assumeTrue(Files.isDirectory(dir), "corpus not present");
    List<FileResult> results = lintAll(dir);
    assertTrue(results.size() > 2500, "expected the GitHub collection, found " + results.size());
    assertNoCrash(results);
    TreeSet<String> actual = new TreeSet<>();
    for (FileResult r : results) {
      if (r.findings().stream().anyMatch(f -> f.rule().id().equals("HD001")))
        actual.add(r.displayPath());
    }
    TreeSet<String> expected = new TreeSet<>();
    for (String line :
        Files.readAllLines(Path.of("testdata/conformance/github-expected-hd001.tsv"))) {
      if (!line.isBlank() && !line.startsWith("#")) expected.add(line.split("\t")[0]);
    }
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    TreeSet<String> vanished = new TreeSet<>(expected);
    vanished.removeAll(actual);
    assertEquals(
        "",
        (unexpected.isEmpty() ? "" : "new HD001 on " + unexpected)
            + (vanished.isEmpty() ? "" : " no longer HD001 (update the list): " + vanished));
  }
}
