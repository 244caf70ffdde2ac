package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceKind;
import dev.hardock.rule.RuleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A problem met twice on the way (the RUN line and the sh -c string inside it) is reported once. */
class DuplicateFindingsTest {
  @TempDir Path dir;

  @Test
  void anUnterminatedQuoteInsideShDashCIsOneFinding() throws Exception {
    Path p = dir.resolve("Dockerfile");
    Files.writeString(p, "FROM alpine:3.19\nRUN echo ok && sh -c 'true\nUSER app\n");
    FileResult r =
        new Linter(new LintSettings(Set.of(), Set.of(), Map.of(), RuleOptions.NONE))
            .lint(new Target(p, "Dockerfile", SourceKind.DOCKERFILE), null);
    List<String> hd001 =
        r.findings().stream()
            .filter(f -> f.rule().id().equals("HD001"))
            .map(f -> f.span().line() + ":" + f.span().column() + " " + f.message())
            .toList();
    assertEquals(
        List.of(
            "2:22 unterminated ' quote: the shell finds no closing ' and fails with a syntax error"),
        hd001);
  }
}
