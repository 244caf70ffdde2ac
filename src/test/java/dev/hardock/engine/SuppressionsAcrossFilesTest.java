package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hardock.model.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suppression comments of a compose project's other files (extends, include, override): each file's comments
 * silence that file's findings, and a comment never reaches a finding of another file at the same line number.
 */
class SuppressionsAcrossFilesTest {
  @TempDir Path dir;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** Kept findings of some rules as {@code RULE file:span}, then "/" and the suppressed ones. */
  private String lint(String name, String... rules) {
    FileResult r =
        new Linter(LintSettings.DEFAULT)
            .lint(new Target(dir.resolve(name), name, SourceKind.COMPOSE), null);
    List<String> ids = List.of(rules);
    List<String> kept =
        r.findings().stream()
            .filter(f -> ids.contains(f.rule().id()))
            .map(f -> f.rule().id() + " " + f.file().replace('\\', '/') + ":" + f.span())
            .toList();
    List<String> gone =
        r.suppressed().stream()
            .filter(s -> ids.contains(s.finding().rule().id()))
            .map(
                s ->
                    s.finding().rule().id()
                        + " "
                        + s.finding().file().replace('\\', '/')
                        + ":"
                        + s.finding().span())
            .toList();
    return String.join(", ", kept) + " / " + String.join(", ", gone);
  }

  @Test
  void anExtendedFilesCommentSilencesItsOwnFinding() throws IOException {
    write(
        "common/base.yml",
        """
        services:
          base:
            image: alpine:3.20
            # hardock-ignore HD101: the lab image needs it
            privileged: true
            pid: host
        """);
    write(
        "compose.yaml",
        """
        services:
          web:
            extends:
              file: common/base.yml
              service: base
        """);
    assertEquals(
        "HD107 common/base.yml:6:5-6:14 / HD101 common/base.yml:5:5-5:21",
        lint("compose.yaml", "HD101", "HD107"));
  }

  @Test
  void aFileExtendedForOneServiceReportsNoUnusedSuppressionsOfTheOthers() throws IOException {
    write(
        "base.yml",
        """
        services:
          used:
            image: alpine:3.20
          other:
            # hardock-ignore HD101: judged where base.yml is linted as a project, not through one extended service
            privileged: true
        """);
    write(
        "compose.yaml",
        """
        services:
          web:
            extends:
              file: base.yml
              service: used
        """);
    assertEquals(" / ", lint("compose.yaml", "HD101", "HD004"));
  }

  @Test
  void aCommentOfTheIncludingFileDoesNotReachAnIncludedFilesFindingOnTheSameLine()
      throws IOException {
    write(
        "lib/db.yaml",
        """
        services:
          db:
            image: postgres:16
            privileged: true
        """);
    write(
        "compose.yaml",
        """
        include: [lib/db.yaml]
        services:
          # hardock-ignore HD101: this one is about line 4 of compose.yaml only
          web:
            image: nginx:1.27
        """);
    // the included file's line 4 is not compose.yaml's line 4; the directive silenced nothing:
    // HD004
    assertEquals(
        "HD004 compose.yaml:3:20-3:25, HD101 lib/db.yaml:4:5-4:21 / ",
        lint("compose.yaml", "HD101", "HD004"));
  }

  @Test
  void anOverridesCommentsApplyToItsFindingsAndItsUnusedOnesAreReportedThere() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            image: nginx:1.27
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            # hardock-ignore HD101, HD107: local debugging
            privileged: true
        """);
    assertEquals(
        "HD004 compose.override.yaml:3:29-3:34 / HD101 compose.override.yaml:4:5-4:21",
        lint("compose.yaml", "HD101", "HD004"));
  }
}
