package dev.hardock.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardock.cli.Main;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over the protocol, with LSP4J's own client on the other end of a pipe. */
class LanguageServerTest {
  private static final Path REPO = Path.of("").toAbsolutePath();

  /** The CLI's JSON findings for a file, as "HDnnn line:col-endLine:endCol message" lines. */
  static List<String> cli(Path file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(
        new String[] {"-f", "json", "--no-color", file.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        false);
    List<String> lines = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(out.toByteArray()).get("findings")) {
      lines.add(
          f.get("ruleId").asText()
              + " "
              + f.get("line").asInt()
              + ":"
              + f.get("column").asInt()
              + "-"
              + f.get("endLine").asInt()
              + ":"
              + f.get("endColumn").asInt()
              + " "
              + f.get("severity").asText()
              + " "
              + f.get("message").asText());
    }
    return lines;
  }

  /** Diagnostics in the same shape (the range converted back to 1-based columns). */
  static List<String> shown(List<Diagnostic> ds) {
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : ds) {
      String sev =
          switch (d.getSeverity()) {
            case Error -> "error";
            case Warning -> "warning";
            case Information -> "info";
            case Hint -> "style";
          };
      var r = d.getRange();
      lines.add(
          d.getCode().getLeft()
              + " "
              + (r.getStart().getLine() + 1)
              + ":"
              + (r.getStart().getCharacter() + 1)
              + "-"
              + (r.getEnd().getLine() + 1)
              + ":"
              + (r.getEnd().getCharacter() + 1)
              + " "
              + sev
              + " "
              + d.getMessage().getLeft());
    }
    return lines;
  }

  @Test
  void diagnosticsOfUnsavedBuffersEqualTheCliOnTheSameText() throws Exception {
    String[] files = {
      "testdata/rules/HD119/bad.compose.yaml",
      "testdata/rules/HD201/bad.Dockerfile",
      "testdata/rules/HD105/bad.md",
      "testdata/rules/HD105/bad.sh",
      "testdata/ide/Dockerfile"
    };
    try (TestClient c = new TestClient(REPO)) {
      for (String f : files) {
        Path p = REPO.resolve(f);
        // the languageId is only a hint: "plaintext" changes nothing, the name decides
        String uri = c.open(p, "plaintext", Files.readString(p));
        var d = c.awaitDiagnostics(uri, 1);
        List<String> expected = cli(Path.of(f));
        assertFalse(expected.isEmpty(), f);
        assertEquals(expected, shown(d.getDiagnostics()), f);
        for (Diagnostic x : d.getDiagnostics()) {
          assertEquals("hardock", x.getSource());
          assertEquals(
              RuleDoc.page(RuleRegistry.builtIn().find(x.getCode().getLeft())),
              x.getCodeDescription().getHref());
        }
      }
      assertEquals(0, c.shutdown());
    }
  }

  @Test
  void incrementalEditsAreLintedAsTyped(@TempDir Path dir) throws Exception {
    Path df = dir.resolve("Dockerfile");
    try (TestClient c = new TestClient(dir)) {
      String uri = c.open(df, "dockerfile", "FROM alpine:3.20\nUSER app\nRUN echo hi\n");
      assertEquals(List.of(), codes(c.awaitDiagnostics(uri, 1).getDiagnostics()));
      // nothing is on disk: the buffer is what is linted
      assertFalse(Files.exists(df));
      c.change(uri, 2, TestClient.at(0, 12, 0, 16), "latest");
      c.change(uri, 3, TestClient.at(2, 4, 2, 11), "curl http://x | sh");
      var d = c.awaitDiagnostics(uri, 3);
      String text = "FROM alpine:latest\nUSER app\nRUN curl http://x | sh\n";
      assertEquals(text, c.server.docs.get(uri).text());
      Files.writeString(df, text);
      assertEquals(cli(df), shown(d.getDiagnostics()));
      assertTrue(d.getDiagnostics().stream().anyMatch(x -> x.getCode().getLeft().equals("HD201")));
      // pulled diagnostics are the pushed ones
      DocumentDiagnosticReport pulled =
          c.remote
              .getTextDocumentService()
              .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
              .get(30, TimeUnit.SECONDS);
      assertEquals(d.getDiagnostics(), pulled.getLeft().getItems());
      DocumentDiagnosticParams again =
          new DocumentDiagnosticParams(new TextDocumentIdentifier(uri));
      again.setPreviousResultId(pulled.getLeft().getResultId());
      assertTrue(
          c.remote.getTextDocumentService().diagnostic(again).get(30, TimeUnit.SECONDS).isRight());
    }
  }

  @Test
  void severitiesAreMapped() {
    assertEquals(DiagnosticSeverity.Error, Conversions.severity(dev.hardock.rule.Severity.ERROR));
    assertEquals(
        DiagnosticSeverity.Warning, Conversions.severity(dev.hardock.rule.Severity.WARNING));
    assertEquals(
        DiagnosticSeverity.Information, Conversions.severity(dev.hardock.rule.Severity.INFO));
    assertEquals(DiagnosticSeverity.Hint, Conversions.severity(dev.hardock.rule.Severity.STYLE));
  }

  @Test
  void hoverShowsTheRuleDocAsExplain(@TempDir Path dir) throws Exception {
    try (TestClient c = new TestClient(dir)) {
      String uri = c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine:latest\n");
      Diagnostic d = c.awaitDiagnostics(uri, 1).getDiagnostics().get(0);
      Hover h =
          c.remote
              .getTextDocumentService()
              .hover(new HoverParams(new TextDocumentIdentifier(uri), d.getRange().getStart()))
              .get(30, TimeUnit.SECONDS);
      String explain = RuleDoc.explain(RuleRegistry.builtIn().find("HD201"));
      String md = h.getContents().getRight().getValue();
      assertEquals("markdown", h.getContents().getRight().getKind());
      assertTrue(md.startsWith("### HD201 latest-tag (warning)\n"), md);
      assertTrue(md.contains(explain.substring(explain.indexOf('\n'))), md);
      assertEquals(d.getRange(), h.getRange());
      // nowhere near a finding: no hover
      assertEquals(
          null,
          c.remote
              .getTextDocumentService()
              .hover(
                  new HoverParams(
                      new TextDocumentIdentifier(uri), new org.eclipse.lsp4j.Position(5, 0)))
              .get(30, TimeUnit.SECONDS));
    }
  }

  /** "Suppress here" in each comment syntax: applied to the buffer, the finding is gone and nothing else moved. */
  @Test
  void suppressHereSilencesTheFindingInEachSyntax(@TempDir Path dir) throws Exception {
    String[][] cases = {
      {"Dockerfile", "FROM alpine:3.20\nRUN apk add curl && \\\n    curl http://x | sh\n", "HD"},
      {"compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n", "HD"},
      {"README.md", "# Run it\n\n```sh\ndocker run --privileged alpine:3.20\n```\n", "HD"},
      {"run.sh", "#!/bin/sh\ndocker run \\\n  --privileged alpine:3.20\n", "HD"},
      // inside a heredoc or a YAML block scalar a comment would be part of the text: it goes above
      // the statement
      {
        "heredoc.Dockerfile",
        "FROM alpine:3.20\nUSER app\nRUN <<EOF\nset -e\ncurl http://x | sh\nEOF\n",
        "HD"
      },
      {
        "ci.gitlab-ci.yml",
        "test:\n  script:\n    - |\n      echo start\n      docker run --privileged alpine:3.20\n",
        "HD"
      },
      // the sources with their own comment syntax: // in a dev container, # in units and Ansible
      // YAML
      {
        ".devcontainer.json",
        "{\n  \"image\": \"alpine:3.20\",\n  \"runArgs\": [\n    \"--privileged\"\n  ]\n}\n",
        "HD"
      },
      {
        "web.container",
        "[Container]\nImage=docker.io/library/nginx:1.27\nPodmanArgs=--init \\\n  --privileged\n",
        "HD"
      },
      {
        "app.service",
        "[Service]\nExecStart=/usr/bin/docker run \\\n  --privileged alpine:3.20\n",
        "HD"
      },
      {
        "playbook.yml",
        "- hosts: all\n  tasks:\n    - community.docker.docker_container:\n        name: web\n        image: nginx:1.27\n        privileged: true\n",
        "HD"
      },
    };
    try (TestClient c = new TestClient(dir)) {
      for (String[] k : cases) {
        String uri = c.open(dir.resolve(k[0]), "", k[1]);
        List<Diagnostic> before = c.awaitDiagnostics(uri, 1).getDiagnostics();
        assertFalse(before.isEmpty(), k[0]);
        Diagnostic target = before.get(before.size() - 1);
        String id = target.getCode().getLeft();
        CodeActionParams p =
            new CodeActionParams(
                new TextDocumentIdentifier(uri),
                target.getRange(),
                new CodeActionContext(List.of(target)));
        List<Either<org.eclipse.lsp4j.Command, CodeAction>> actions =
            c.remote.getTextDocumentService().codeAction(p).get(30, TimeUnit.SECONDS);
        CodeAction suppress =
            actions.stream()
                .map(Either::getRight)
                .filter(a -> a.getTitle().startsWith("Suppress " + id + " "))
                .findFirst()
                .orElseThrow();
        List<TextEdit> edits = new ArrayList<>();
        for (var e : suppress.getEdit().getDocumentChanges())
          for (var x : e.getLeft().getEdits()) edits.add(x.getLeft());
        String after = TestClient.apply(k[1], edits);
        String comment =
            k[0].endsWith(".md")
                ? "<!-- hardock-ignore " + id + ": reason -->"
                : k[0].endsWith(".json")
                    ? "// hardock-ignore " + id + ": reason"
                    : "# hardock-ignore " + id + ": reason";
        assertTrue(after.contains(comment + "\n"), after);
        c.change(uri, 2, null, after);
        List<Diagnostic> now = c.awaitDiagnostics(uri, 2).getDiagnostics();
        assertEquals(before.size() - 1, now.size(), k[0] + ":\n" + after + "\n" + shown(now));
        assertFalse(
            now.stream()
                .anyMatch(
                    x ->
                        x.getCode().getLeft().equals(id)
                            && x.getRange().getStart().getLine() + 1
                                == target.getRange().getStart().getLine() + 1 + 1),
            after);
      }
    }
  }

  @Test
  void aSnippetClientGetsThePlaceholder(@TempDir Path dir) throws Exception {
    var caps = new org.eclipse.lsp4j.ClientCapabilities();
    var ws = new org.eclipse.lsp4j.WorkspaceClientCapabilities();
    var we = new org.eclipse.lsp4j.WorkspaceEditCapabilities();
    we.setSnippetEditSupport(true);
    ws.setWorkspaceEdit(we);
    caps.setWorkspace(ws);
    try (TestClient c = new TestClient(dir, caps)) {
      String uri = c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine:latest\n");
      Diagnostic d = c.awaitDiagnostics(uri, 1).getDiagnostics().get(0);
      var actions =
          c.remote
              .getTextDocumentService()
              .codeAction(
                  new CodeActionParams(
                      new TextDocumentIdentifier(uri),
                      d.getRange(),
                      new CodeActionContext(List.of(d))))
              .get(30, TimeUnit.SECONDS);
      CodeAction s =
          actions.stream()
              .map(Either::getRight)
              .filter(a -> a.getTitle().startsWith("Suppress"))
              .findFirst()
              .orElseThrow();
      var edit = s.getEdit().getDocumentChanges().get(0).getLeft().getEdits().get(0).getRight();
      assertEquals("# hardock-ignore HD201: ${1:reason}\n", edit.getSnippet().getValue());
    }
  }

  @Test
  void configurationAppliesAndIsReadAgainWhenItChanges(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(".hardock.yaml"), "rules:\n  HD201: off\n");
    try (TestClient c = new TestClient(dir)) {
      String uri =
          c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine:latest\nUSER app\n");
      assertEquals(List.of(), c.awaitDiagnostics(uri, 1).getDiagnostics());
      Files.writeString(dir.resolve(".hardock.yaml"), "rules:\n  HD201: error\n");
      c.remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(
                      new FileEvent(
                          TestClient.uri(dir.resolve(".hardock.yaml")), FileChangeType.Changed))));
      List<Diagnostic> now = c.awaitDiagnostics(uri, 1).getDiagnostics();
      assertEquals(1, now.size());
      assertEquals(DiagnosticSeverity.Error, now.get(0).getSeverity());
      // a broken configuration is said, and the defaults apply
      Files.writeString(dir.resolve(".hardock.yaml"), "rules: [\n");
      c.remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(
                      new FileEvent(
                          TestClient.uri(dir.resolve(".hardock.yaml")), FileChangeType.Changed))));
      assertEquals(
          DiagnosticSeverity.Warning,
          c.awaitDiagnostics(uri, 1).getDiagnostics().get(0).getSeverity());
      assertTrue(c.logs.stream().anyMatch(l -> l.contains(".hardock.yaml")), c.logs.toString());
    }
  }

  /**
   * Custom rules are diagnostics like the built-in ones, at their value's position, and a configuration change
   * that adds one (compiled beside the lint) is read again; a broken expression is logged, the defaults apply.
   */
  @Test
  void customRulesGiveDiagnosticsAndAreReadAgain(@TempDir Path dir) throws Exception {
    String rule =
        "custom-rules:\n"
            + "  - {id: ACME001, slug: approved-registry, severity: error, on: stage,"
            + " when: 'has(stage.base.name) && !stage.base.name.startsWith(\"registry.acme.io/\")',"
            + " message: 'base {{stage.base.text}}', at: stage.base}\n";
    Files.writeString(dir.resolve(".hardock.yaml"), "rules:\n  HD201: off\n");
    try (TestClient c = new TestClient(dir)) {
      String uri =
          c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine:latest\nUSER app\n");
      assertEquals(List.of(), c.awaitDiagnostics(uri, 1).getDiagnostics());
      Files.writeString(dir.resolve(".hardock.yaml"), "rules:\n  HD201: off\n" + rule);
      c.remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(
                      new FileEvent(
                          TestClient.uri(dir.resolve(".hardock.yaml")), FileChangeType.Changed))));
      List<Diagnostic> now = c.awaitDiagnostics(uri, 1).getDiagnostics();
      assertEquals(1, now.size(), now.toString());
      Diagnostic d = now.get(0);
      assertEquals("ACME001", d.getCode().getLeft());
      assertEquals(DiagnosticSeverity.Error, d.getSeverity());
      assertEquals("base alpine:latest", d.getMessage().getLeft());
      // FROM alpine:latest: the image reference, line 0, columns 5 to 18
      assertEquals(0, d.getRange().getStart().getLine());
      assertEquals(5, d.getRange().getStart().getCharacter());
      assertEquals(18, d.getRange().getEnd().getCharacter());
      Files.writeString(
          dir.resolve(".hardock.yaml"), rule.replace("stage.base.name)", "stage.base.nme)"));
      c.remote
          .getWorkspaceService()
          .didChangeWatchedFiles(
              new DidChangeWatchedFilesParams(
                  List.of(
                      new FileEvent(
                          TestClient.uri(dir.resolve(".hardock.yaml")), FileChangeType.Changed))));
      List<Diagnostic> broken = c.awaitDiagnostics(uri, 1).getDiagnostics();
      assertTrue(
          broken.stream().noneMatch(x -> "ACME001".equals(x.getCode().getLeft())),
          broken.toString());
      assertTrue(c.logs.stream().anyMatch(l -> l.contains("ACME001")), c.logs.toString());
    }
  }

  /** A workspace folder added later is the project root of its files: its .hardock.yaml governs them. */
  @Test
  void aWorkspaceFolderAddedLaterBecomesTheRootOfItsFiles(@TempDir Path dir) throws Exception {
    Path first = Files.createDirectories(dir.resolve("first"));
    Path sub = Files.createDirectories(dir.resolve("project/sub"));
    Files.writeString(dir.resolve("project/.hardock.yaml"), "rules:\n  HD201: off\n");
    try (TestClient c = new TestClient(first)) {
      // outside every folder and every repository, the file's own folder is its root: the config
      // above is not read
      String uri =
          c.open(sub.resolve("Dockerfile"), "dockerfile", "FROM alpine:latest\nUSER app\n");
      assertEquals(List.of("HD201"), codes(c.awaitDiagnostics(uri, 1).getDiagnostics()));
      var event =
          new org.eclipse.lsp4j.WorkspaceFoldersChangeEvent(
              List.of(
                  new org.eclipse.lsp4j.WorkspaceFolder(
                      dir.resolve("project").toUri().toString(), "project")),
              List.of());
      c.remote
          .getWorkspaceService()
          .didChangeWorkspaceFolders(new org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams(event));
      c.awaitMatching(uri, p -> p.getDiagnostics().isEmpty());
    }
  }

  /** HD119 reads the Dockerfile a service builds: editing that Dockerfile's buffer refreshes the compose file. */
  @Test
  void editingADockerfileRefreshesTheComposeFilesThatBuildIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("Dockerfile"), "FROM alpine:3.20\n");
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  app:\n    build: .\n");
    try (TestClient c = new TestClient(dir)) {
      String compose =
          c.open(
              dir.resolve("compose.yaml"), "yaml", Files.readString(dir.resolve("compose.yaml")));
      assertTrue(codes(c.awaitDiagnostics(compose, 1).getDiagnostics()).contains("HD119"));
      String df = c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine:3.20\n");
      c.awaitDiagnostics(df, 1);
      c.change(df, 2, TestClient.at(1, 0, 1, 0), "USER app\n");
      c.awaitDiagnostics(df, 2);
      // the disk still has no USER: only the buffer does
      c.awaitMatching(compose, p -> !codes(p.getDiagnostics()).contains("HD119"));
      // and back
      c.change(df, 3, TestClient.at(1, 0, 2, 0), "");
      c.awaitMatching(compose, p -> codes(p.getDiagnostics()).contains("HD119"));
    }
  }

  static List<String> codes(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.getCode().getLeft()).toList();
  }

  @Test
  void brokenHugeAndBinaryBuffersGetHd001AndTheServerGoesOn(@TempDir Path dir) throws Exception {
    try (TestClient c = new TestClient(dir)) {
      String broken = c.open(dir.resolve("compose.yaml"), "yaml", "services: [\n  {web: \n");
      assertEquals(List.of("HD001"), codes(c.awaitDiagnostics(broken, 1).getDiagnostics()));
      String binary = c.open(dir.resolve("Dockerfile"), "dockerfile", "FROM alpine\u0000\n");
      Diagnostic b = c.awaitDiagnostics(binary, 1).getDiagnostics().get(0);
      assertEquals("HD001", b.getCode().getLeft());
      assertTrue(b.getMessage().getLeft().contains("binary"), b.getMessage().getLeft());
      String huge = c.open(dir.resolve("big.Dockerfile"), "dockerfile", "# x\n".repeat(1_200_000));
      Diagnostic h = c.awaitDiagnostics(huge, 1).getDiagnostics().get(0);
      assertEquals("HD001", h.getCode().getLeft());
      assertTrue(h.getMessage().getLeft().contains("too large"), h.getMessage().getLeft());
      // still serving
      String ok =
          c.open(dir.resolve("x.Dockerfile"), "dockerfile", "FROM alpine:latest\nUSER app\n");
      assertEquals(List.of("HD201"), codes(c.awaitDiagnostics(ok, 1).getDiagnostics()));
      assertEquals(0, c.shutdown());
    }
  }

  @Test
  void theClientDyingEndsTheServer(@TempDir Path dir) throws Exception {
    TestClient c = new TestClient(dir);
    c.close();
    assertEquals(1, c.ended.get(30, TimeUnit.SECONDS));
  }

  /** 10,000 edits: the server keeps one document, one lint and no queue; counted, not timed. */
  @Test
  void tenThousandEditsKeepTheServerFlat(@TempDir Path dir) throws Exception {
    try (TestClient c = new TestClient(dir)) {
      String base = "FROM alpine:3.20\nRUN echo hi\n";
      String uri = c.open(dir.resolve("Dockerfile"), "dockerfile", base);
      c.awaitDiagnostics(uri, 1);
      int v = 1;
      for (int i = 0; i < 5_000; i++) {
        c.change(uri, ++v, TestClient.at(1, 4, 1, 4), "x");
        c.change(uri, ++v, TestClient.at(1, 4, 1, 5), "");
      }
      var d = c.awaitDiagnostics(uri, v);
      assertEquals(v, d.getVersion());
      assertEquals(base, c.server.docs.get(uri).text());
      // drained: a lint that read the newest text may still have one queued behind it (it finds the
      // cache and
      // publishes the same again); once the queue is empty, one document, one lint and one buffer
      // are kept
      for (int i = 0; i < 600 && c.server.retained() != 3; i++) Thread.sleep(100);
      assertEquals(3, c.server.retained(), "documents + lints + buffers, nothing queued");
      assertTrue(
          c.server.lints.get() <= 10_001, "at most one lint per edit: " + c.server.lints.get());
      assertNotNull(c.server.results.get(uri));
    }
  }
}
