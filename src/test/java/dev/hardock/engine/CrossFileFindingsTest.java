package dev.hardock.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.io.FailingAccess;
import dev.hardock.model.SourceKind;
import dev.hardock.report.Formats;
import dev.hardock.report.Summary;
import dev.hardock.rule.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding at a value another file set (a compose file's {@code extends}, {@code include} and override files)
 * stands in that file, with that file's position, in every format, in fingerprints and suppressions; it is
 * left to that file's own lint only when that lint reports the very same finding; an internal error is no
 * finding of the file.
 */
class CrossFileFindingsTest {
  @TempDir Path dir;

  @BeforeEach
  void repository() throws IOException {
    // the temp folder is a repository: SARIF, gitlab and github paths are relative to it
    Files.createDirectories(dir.resolve(".git"));
  }

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  /** The file linted alone (as pre-commit passes one staged file), shown relative to the temp folder. */
  private FileResult lint(String name) {
    Path p = dir.resolve(name);
    return new Linter(LintSettings.DEFAULT).lint(new Target(p, name, SourceKind.COMPOSE), null);
  }

  /** The folder walked, as {@code hardock .} run in it. */
  private List<FileResult> lintFolder() {
    List<Target> targets = new ArrayList<>();
    for (Target t : Discovery.find(List.of(dir.toString()), null).targets()) {
      targets.add(
          new Target(t.path(), dir.relativize(t.path()).toString(), t.kind(), t.root(), false));
    }
    return new Linter(LintSettings.DEFAULT).lint(targets, 2);
  }

  private static FileResult resultOf(List<FileResult> results, String shown) {
    return results.stream().filter(r -> r.displayPath().equals(shown)).findFirst().orElseThrow();
  }

  /** Findings of some rules as {@code RULE file:span}. */
  private static List<String> shown(FileResult r, String... rules) {
    List<String> ids = List.of(rules);
    return r.findings().stream()
        .filter(f -> ids.contains(f.rule().id()))
        .map(f -> f.rule().id() + " " + f.file().replace('\\', '/') + ":" + f.span())
        .toList();
  }

  private static String render(String format, FileResult r) throws IOException {
    StringWriter w = new StringWriter();
    Formats.of(format, false, true).write(List.of(r), Summary.of(List.of(r), 0), w);
    return w.toString();
  }

  private void extendsBase() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          web:
            extends:
              file: common/base.yml
              service: base
            image: nginx:1.27
        """);
    write(
        "common/base.yml",
        """
        services:
          base:
            image: nginx:1.27
            cap_drop: [ALL]
            privileged: true
        """);
  }

  @Test
  void anExtendedValueIsReportedAndFramedInTheFileThatSetsIt() throws IOException {
    extendsBase();
    FileResult r = lint("compose.yaml");
    assertEquals(List.of("HD101 common/base.yml:5:5-5:21"), shown(r, "HD101"));
    String text = render("text", r);
    // framed with base.yml's line 5, not compose.yaml's ("      service: base"), under a heading of
    // its own
    assertTrue(text.startsWith("compose.yaml\n"), text);
    assertTrue(text.contains("\ncommon/base.yml\n  error HD101 privileged: "), text);
    assertTrue(
        text.contains(
            "   --> common/base.yml:5:5\n    |\n  5 |     privileged: true\n    |     ^^^^^^^^^^^^^^^^\n"),
        text);
  }

  /** The part of a report from {@code from} to the next {@code next} (one result of a JSON array), whitespace collapsed. */
  private static String part(String report, String from, String next) {
    String s = report.replaceAll("\\s+", " ");
    int i = s.indexOf(from);
    assertTrue(i >= 0, report);
    int j = s.indexOf(next, i + from.length());
    return s.substring(i, j < 0 ? s.length() : j);
  }

  @Test
  void everyFormatLocatesTheFindingInTheExtendedFile() throws IOException {
    extendsBase();
    FileResult r = lint("compose.yaml");
    String sarif = part(render("sarif", r), "\"ruleId\" : \"HD101\"", "\"ruleId\"");
    assertTrue(sarif.contains("\"uri\" : \"common/base.yml\""), sarif);
    assertTrue(
        sarif.contains(
            "\"startLine\" : 5, \"startColumn\" : 5, \"endLine\" : 5, \"endColumn\" : 21"),
        sarif);
    String github = render("github", r);
    assertTrue(
        github.contains(
            "::error file=common/base.yml,line=5,col=5,endLine=5,endColumn=21,title=HD101 privileged::"),
        github);
    String gitlab =
        part(render("gitlab", r), "\"check_name\" : \"HD101 privileged\"", "\"description\"");
    assertTrue(
        gitlab.contains(
            "\"path\" : \"common/base.yml\", \"lines\" : { \"begin\" : 5, \"end\" : 5 }"),
        gitlab);
    String checkstyle = render("checkstyle", r);
    assertTrue(checkstyle.contains("  <file name=\"compose.yaml\">\n"), checkstyle);
    assertTrue(
        checkstyle.contains(
            "  <file name=\"common/base.yml\">\n    <error line=\"5\" column=\"5\" severity=\"error\""),
        checkstyle);
    String json = part(render("json", r), "\"ruleId\" : \"HD101\"", "\"ruleId\"");
    assertTrue(
        json.contains(
            "\"file\" : \"common/base.yml\", \"line\" : 5, \"column\" : 5, \"endLine\" : 5, \"endColumn\" : 21"),
        json);
    String gnu = render("gnu", r);
    assertTrue(gnu.contains("common/base.yml:5:5: error: "), gnu);
  }

  @Test
  void fingerprintsTakeTheIncludedFilesPathAndLineText() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - infra/compose.yaml
        services:
          web:
            image: nginx:1.27
        """);
    write(
        "infra/compose.yaml",
        """
        services:
          db:
            image: postgres:16
            cap_add: [NET_ADMIN]
        """);
    FileResult parent = lint("compose.yaml");
    Finding viaParent =
        parent.findings().stream()
            .filter(f -> f.rule().id().equals("HD111"))
            .findFirst()
            .orElseThrow();
    assertEquals("infra/compose.yaml:4:15-4:24", viaParent.file() + ":" + viaParent.span());
    assertEquals("infra/compose.yaml", parent.uriOf(viaParent));
    String fp = Fingerprints.of(parent).get(viaParent);
    // the same finding of the included file linted on its own has the same fingerprint: one
    // baseline serves both
    FileResult alone = lint("infra/compose.yaml");
    Finding own =
        alone.findings().stream()
            .filter(f -> f.rule().id().equals("HD111"))
            .findFirst()
            .orElseThrow();
    assertEquals(fp, Fingerprints.of(alone).get(own));
    // the baseline records it under the included file
    Path baseline = dir.resolve("baseline.json");
    Baseline.write(baseline, List.of(parent));
    String recorded = Files.readString(baseline).replaceAll("\\s+", " ");
    assertTrue(
        recorded.contains(
            "\"rule\" : \"HD111\", \"file\" : \"infra/compose.yaml\", \"fingerprint\" : \""
                + fp
                + "\""),
        recorded);
    // NET_ADMIN edited to SYS_ADMIN is a new finding, not the baselined one
    write(
        "infra/compose.yaml",
        Files.readString(dir.resolve("infra/compose.yaml")).replace("NET_ADMIN", "SYS_ADMIN"));
    FileResult edited = Baseline.read(baseline).apply(lint("compose.yaml"));
    assertEquals(List.of("HD111 infra/compose.yaml:4:15-4:24"), shown(edited, "HD111"));
  }

  @Test
  void suppressionsOfAFileCoverOnlyItsOwnFindings() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - infra/compose.yaml
        services:
          web:
            image: nginx:1.27
            # hardock-ignore HD107: the including file's comment, at line 6 like the included pid
            pid: host
        """);
    write(
        "infra/compose.yaml",
        """
        services:
          db:
            image: postgres:16
            # hardock-ignore HD106: the included file's own comment
            network_mode: host
            pid: host
        """);
    FileResult r = lint("compose.yaml");
    assertEquals(List.of("HD107 infra/compose.yaml:6:5-6:14"), shown(r, "HD106", "HD107"));
    List<String> silenced =
        r.suppressed().stream()
            .map(
                s ->
                    s.finding().rule().id()
                        + " "
                        + s.finding().file()
                        + ":"
                        + s.finding().span().line())
            .sorted()
            .toList();
    assertEquals(List.of("HD106 infra/compose.yaml:5", "HD107 compose.yaml:7"), silenced);
  }

  @Test
  void anOverrideLintedAloneKeepsOnlyItsOwnFindingsUnderItsName() throws IOException {
    write(
        "compose.yaml",
        """
        include:
          - common/inc.yaml
        services:
          web:
            image: nginx:1.27
            privileged: true
        """);
    write(
        "compose.override.yaml",
        """
        services:
          web:
            extends:
              file: common/base.yml
              service: base
            network_mode: host
        """);
    write(
        "common/base.yml",
        """
        services:
          base:
            image: nginx:1.27
            pid: host
        """);
    write(
        "common/inc.yaml",
        """
        services:
          inc:
            image: nginx:1.27
            ipc: host
        """);
    FileResult r = lint("compose.override.yaml");
    assertEquals(
        List.of("HD106 compose.override.yaml:6:5-6:23"),
        shown(r, "HD101", "HD106", "HD107", "HD108"));
    Path self = dir.resolve("compose.override.yaml").toRealPath();
    for (Finding f : r.findings()) {
      assertEquals("compose.override.yaml", f.file(), f.toString());
      assertEquals(self, f.span().file().path().toRealPath(), f.toString());
    }
    assertEquals("compose.override.yaml", r.uriOf(r.findings().get(0)));
  }

  @Test
  void aFileLintedAsAnotherKindLeavesTheComposeFindingsToTheFileThatExtendsIt() throws IOException {
    write(
        "compose.yaml",
        """
        services:
          app:
            extends:
              file: ci.gitlab-ci.yml
              service: app
        """);
    write(
        "ci.gitlab-ci.yml",
        """
        services:
          app:
            image: alpine:3.20
            privileged: true
            network_mode: host
            volumes:
              - /:/host
        """);
    List<FileResult> results = lintFolder();
    assertEquals(SourceKind.RUN, resultOf(results, "ci.gitlab-ci.yml").kind());
    assertEquals(
        List.of(), shown(resultOf(results, "ci.gitlab-ci.yml"), "HD101", "HD102", "HD106"));
    assertEquals(
        List.of(
            "HD101 ci.gitlab-ci.yml:4:5-4:21",
            "HD106 ci.gitlab-ci.yml:5:5-5:23",
            "HD102 ci.gitlab-ci.yml:7:9-7:10"),
        shown(resultOf(results, "compose.yaml"), "HD101", "HD102", "HD106"));
  }

  @Test
  void anIncludedFileJudgedWithoutTheParentsVariablesLeavesTheParentsFindings() throws IOException {
    write(".env", "PRIV=true\n");
    write("compose.yaml", "include:\n  - infra/compose.yaml\n");
    write(
        "infra/compose.yaml",
        """
        services:
          db:
            image: postgres:16
            privileged: ${PRIV}
            pid: host
        """);
    List<FileResult> results = lintFolder();
    // alone, infra/compose.yaml has no PRIV: not privileged; its pid: host is the same finding both
    // ways
    assertEquals(
        List.of("HD107 infra/compose.yaml:5:5-5:14"),
        shown(resultOf(results, "infra/compose.yaml"), "HD101", "HD107"));
    assertEquals(
        List.of("HD101 infra/compose.yaml:4:5-4:24"),
        shown(resultOf(results, "compose.yaml"), "HD101", "HD107"));
  }

  @Test
  void anInternalErrorNamesTheFileAndIsNoParseErrorOfIt() throws IOException {
    write("Dockerfile", "FROM ubuntu:latest\n");
    write("broken/Dockerfile", "FROM ubuntu:latest\n");
    Linter linter = new Linter(LintSettings.DEFAULT).withFileAccess(FailingAccess::new);
    Path root = dir.toRealPath();
    List<Target> targets =
        List.of(
            new Target(
                root.resolve("broken/Dockerfile"),
                "broken/Dockerfile",
                SourceKind.DOCKERFILE,
                root,
                false),
            new Target(
                root.resolve("Dockerfile"), "Dockerfile", SourceKind.DOCKERFILE, root, false));
    List<FileResult> results = linter.lint(targets, 1);
    assertEquals(List.of(), results.get(0).findings(), "no HD001 on the user's file");
    assertEquals(
        List.of("HD201 Dockerfile:1:6-1:19"),
        shown(results.get(1), "HD001", "HD201"),
        "the other file is linted");
    assertEquals(1, linter.failures().size());
    Failure f = linter.failures().get(0);
    assertEquals("broken/Dockerfile", f.path());
    assertEquals(
        "broken/Dockerfile: internal error while linting this file (java.lang.IllegalStateException): please report it",
        f.line());
    assertNotEquals(null, f.error());
  }

  /** A reader that fails on one service (reading the Dockerfile it builds throws) reads the others on. */
  @Test
  void aReaderFailureIsAnInternalErrorAndTheOtherServicesAreLinted() throws IOException {
    write("broken/Dockerfile", "FROM ubuntu:22.04\n");
    write(
        "compose.yaml",
        """
        services:
          app:
            build: ./broken
          web:
            image: nginx:1.27
            privileged: true
        """);
    Linter linter = new Linter(LintSettings.DEFAULT).withFileAccess(FailingAccess::new);
    Path root = dir.toRealPath();
    FileResult r =
        linter
            .lint(
                List.of(
                    new Target(
                        root.resolve("compose.yaml"),
                        "compose.yaml",
                        SourceKind.COMPOSE,
                        root,
                        false)),
                1)
            .get(0);
    assertEquals(List.of("HD101 compose.yaml:6:5-6:21"), shown(r, "HD001", "HD101"));
    assertEquals(1, linter.failures().size());
    assertEquals(
        "compose.yaml: internal error while linting this file (java.lang.IllegalStateException): please report it",
        linter.failures().get(0).line());
  }

  /** The text of a finding's own file frames it, also through {@link FileResult#textOf}. */
  @Test
  void aResultGivesEachFindingItsOwnFilesText() throws IOException {
    extendsBase();
    FileResult r = lint("compose.yaml");
    Map<String, String> textByFile = new java.util.TreeMap<>();
    for (Finding f : r.findings()) textByFile.put(f.file(), r.textOf(f));
    assertEquals(
        Files.readString(dir.resolve("common/base.yml")), textByFile.get("common/base.yml"));
    assertEquals(Files.readString(dir.resolve("compose.yaml")), textByFile.get("compose.yaml"));
  }
}
