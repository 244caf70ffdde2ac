package dev.hardock.source.run;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hardock.engine.FileResult;
import dev.hardock.engine.LintSettings;
import dev.hardock.engine.Linter;
import dev.hardock.engine.Target;
import dev.hardock.model.ParseProblem;
import dev.hardock.model.SourceFile;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Docker official images' documentation (../shared/corpus/markdown/docker-library-docs) holds about 1,100
 * real run lines: all of it lints without a crash, the reader finds the run lines, and HD002 fires only on
 * no line: the official docs use only flags docker knows.
 */
class RunCorpusTest {
  static final Path CORPUS = Path.of("../shared/corpus/markdown/docker-library-docs");

  @Test
  void dockerLibraryDocs() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
    List<Path> files;
    try (Stream<Path> s = Files.walk(CORPUS)) {
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".md"))
              .sorted()
              .toList();
    }
    int runLines = 0;
    List<String> unknown = new ArrayList<>();
    for (Path p : files) {
      SourceFile f = SourceFile.of(p, p.toString(), Files.readString(p), SourceKind.RUN);
      RunLineReader.Result r = RunLineReader.read(f);
      runLines += r.containers().size();
      for (ParseProblem u : r.unknownFlags())
        unknown.add(p.getFileName() + ":" + u.span() + " " + u.message());
    }
    List<Target> targets =
        files.stream().map(p -> new Target(p, p.toString(), SourceKind.RUN)).toList();
    for (FileResult r : new Linter(LintSettings.DEFAULT).lint(targets, 2)) {
      for (Finding x : r.findings()) {
        assertTrue(!x.message().startsWith("internal error"), r.displayPath() + ": " + x.message());
      }
    }
    System.out.println(
        "docker-library-docs: "
            + files.size()
            + " files, "
            + runLines
            + " run lines, "
            + unknown.size()
            + " HD002");
    unknown.forEach(u -> System.out.println("  " + u));
    // 1,103 fenced lines mention docker run/create: 4 are shell comments, 2 sit in a block whose
    // broken
    // continuation ("\ " with a trailing space) leaves a quote open, which leaves 1,097;
    // php-zendserver's two
    // pages add 12 in indented console blocks ("\t    $ docker run ..."): 1,109. Every flag used is
    // one docker knows
    assertTrue(runLines >= 1100 && runLines <= 1115, "run lines found: " + runLines);
    assertTrue(unknown.isEmpty(), "HD002 in the corpus: " + unknown);
  }
}
