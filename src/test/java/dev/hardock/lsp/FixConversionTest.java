package dev.hardock.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Fix;
import dev.hardock.rule.RuleRegistry;
import dev.hardock.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Findings that carry a Fix (built here: the rules that produce them land separately) become quick fixes and a
 * fix-all, edit for edit.
 */
class FixConversionTest {
  private static final Path ROOT = Path.of("/work/project");
  private static final String URI = ROOT.resolve("app/Dockerfile").toUri().toString();
  private static final String TEXT = "FROM alpine:latest\nADD app.tar /app\nEXPOSE 22\n";

  private static Finding finding(String id, Span span, Fix fix) {
    return new Finding(
        RuleRegistry.builtIn().find(id),
        Severity.WARNING,
        "app/Dockerfile",
        span,
        "m",
        SourceKind.DOCKERFILE,
        null,
        fix);
  }

  private static final Finding LATEST =
      finding(
          "HD201",
          new Span(1, 6, 1, 19),
          Fix.safe(
              "Pin alpine to 3.20", new Edit("app/Dockerfile", new Span(1, 13, 1, 19), "3.20")));
  private static final Finding ADD =
      finding(
          "HD301",
          new Span(2, 1, 2, 4),
          Fix.safe(
              "Replace ADD with COPY", new Edit("app/Dockerfile", new Span(2, 1, 2, 4), "COPY")));

  /** Overlaps the ADD fix: a fix-all takes only the first. */
  private static final Finding ADD_AGAIN =
      finding(
          "HD302",
          new Span(2, 1, 2, 4),
          Fix.safe("Drop ADD", new Edit("app/Dockerfile", new Span(2, 1, 2, 17), "")));

  private static final Finding PORT =
      finding(
          "HD101",
          new Span(3, 8, 3, 10),
          new Fix(
              "Remove the SSH port",
              Fix.Applicability.UNSAFE,
              List.of(
                  new Edit("app/Dockerfile", new Span(3, 1, 4, 1), ""),
                  new Edit("app/compose.yaml", new Span(2, 1, 2, 1), "# no ssh\n"))));

  private static CodeActions actions() {
    return new CodeActions(
        ROOT,
        URI,
        new Workspace.Linted(
            3,
            ROOT.resolve("app/Dockerfile"),
            "app/Dockerfile",
            SourceKind.DOCKERFILE,
            TEXT,
            List.of(LATEST, ADD, ADD_AGAIN, PORT),
            Set.of()),
        false);
  }

  private static List<CodeAction> at(Span s, List<String> only) {
    CodeActionParams p =
        new CodeActionParams(
            new TextDocumentIdentifier(URI),
            Conversions.range(s),
            new CodeActionContext(List.of(), only));
    return actions().actions(p).stream().map(Either::getRight).toList();
  }

  @Test
  void aSafeFixIsAPreferredQuickFixWithItsEdits() {
    CodeAction a = at(new Span(1, 14, 1, 14), null).get(0);
    assertEquals("Pin alpine to 3.20", a.getTitle());
    assertEquals("quickfix", a.getKind());
    assertTrue(a.getIsPreferred());
    assertEquals(
        Map.of(URI, List.of(new TextEdit(TestClient.at(0, 12, 0, 18), "3.20"))),
        a.getEdit().getChanges());
    assertEquals("HD201", a.getDiagnostics().get(0).getCode().getLeft());
    // the suppression comes with it
    assertTrue(
        at(new Span(1, 14, 1, 14), null)
            .get(1)
            .getTitle()
            .startsWith("Suppress HD201 latest-tag here"));
  }

  @Test
  void anUnsafeFixIsLabelledNotPreferredAndMayEditAnotherFile() {
    CodeAction a = at(new Span(3, 9, 3, 9), null).get(0);
    assertEquals("Remove the SSH port (unsafe: review the change)", a.getTitle());
    assertFalse(a.getIsPreferred());
    var changes = a.getEdit().getChanges();
    assertEquals(List.of(new TextEdit(TestClient.at(2, 0, 3, 0), "")), changes.get(URI));
    assertEquals(
        List.of(new TextEdit(TestClient.at(1, 0, 1, 0), "# no ssh\n")),
        changes.get(ROOT.resolve("app/compose.yaml").toUri().toString()));
  }

  @Test
  void fixAllAppliesEverySafeFixThatDoesNotOverlapAnother() {
    List<CodeAction> all = at(new Span(1, 1, 1, 1), List.of("source.fixAll"));
    CodeAction fixAll =
        all.stream()
            .filter(a -> a.getKind().equals("source.fixAll.hardock"))
            .findFirst()
            .orElseThrow();
    List<TextEdit> edits = fixAll.getEdit().getChanges().get(URI);
    assertEquals(2, edits.size(), edits.toString());
    assertEquals("FROM alpine:3.20\nCOPY app.tar /app\nEXPOSE 22\n", TestClient.apply(TEXT, edits));
    // asked for fix-all only: no quick fixes
    assertEquals(1, all.size());
    // nothing safe, nothing offered
    CodeActions none =
        new CodeActions(
            ROOT,
            URI,
            new Workspace.Linted(
                1,
                ROOT.resolve("app/Dockerfile"),
                "app/Dockerfile",
                SourceKind.DOCKERFILE,
                TEXT,
                List.of(PORT),
                Set.of()),
            false);
    assertEquals(null, none.fixAll());
  }
}
