package dev.hardock.lsp;

import dev.hardock.rule.Finding;
import dev.hardock.rule.RuleDoc;
import dev.hardock.rule.RuleMeta;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** The textDocument/ part of the protocol: open, change, close; pulled diagnostics, hover and code actions. */
final class DocumentService implements TextDocumentService {
  private final HardockServer server;

  DocumentService(HardockServer server) {
    this.server = server;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    TextDocumentItem item = params.getTextDocument();
    Path path = HardockServer.pathOf(item.getUri());
    if (path == null) return; // not a file (untitled:, git:): no name to judge it by, no project
    String text = item.getText() == null ? "" : item.getText();
    OpenDocument d =
        new OpenDocument(item.getUri(), path, item.getLanguageId(), text, item.getVersion());
    server.docs.put(item.getUri(), d);
    server.workspace.buffers.put(path, text);
    server.schedule(item.getUri());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    OpenDocument d = server.docs.get(params.getTextDocument().getUri());
    if (d == null) return;
    Integer v = params.getTextDocument().getVersion();
    d.change(params.getContentChanges(), v == null ? d.version() + 1 : v);
    server.workspace.buffers.put(d.path, d.text());
    server.schedule(d.uri);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    OpenDocument d = server.docs.get(params.getTextDocument().getUri());
    if (d == null) return;
    server.workspace.buffers.remove(d.path);
    server.closed(d.uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the buffer is what is linted, saved or not: nothing changes
  }

  /** On the lint thread: the current lint of a document, or null when it is not open. */
  private CompletableFuture<Workspace.Linted> linted(String uri) {
    return CompletableFuture.supplyAsync(
        () -> {
          OpenDocument d = server.docs.get(uri);
          return d == null ? null : server.current(d);
        },
        server.worker);
  }

  @Override
  public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
    return linted(params.getTextDocument().getUri())
        .thenApply(
            l -> {
              if (l == null)
                return new DocumentDiagnosticReport(
                    new RelatedFullDocumentDiagnosticReport(List.of()));
              String id = Integer.toString(l.version()) + ":" + l.text().hashCode();
              if (id.equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(
                    new RelatedUnchangedDocumentDiagnosticReport(id));
              }
              RelatedFullDocumentDiagnosticReport full =
                  new RelatedFullDocumentDiagnosticReport(Conversions.diagnostics(l.findings()));
              full.setResultId(id);
              return new DocumentDiagnosticReport(full);
            });
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    Position p = params.getPosition();
    return linted(params.getTextDocument().getUri())
        .thenApply(
            l -> {
              if (l == null) return null;
              Set<RuleMeta> rules = new LinkedHashSet<>();
              Range at = new Range(p, p);
              Range covered = null;
              for (Finding f : l.findings()) {
                if (!Conversions.overlaps(at, f.span())) continue;
                rules.add(f.rule());
                covered = covered == null ? Conversions.range(f.span()) : covered;
              }
              if (rules.isEmpty()) return null;
              StringBuilder md = new StringBuilder();
              for (RuleMeta r : rules) {
                if (md.length() > 0) md.append("\n---\n\n");
                String doc = RuleDoc.explain(r);
                int title = doc.indexOf('\n');
                // the title line of --explain as a heading, then the same Markdown
                md.append("### ").append(doc, 0, title).append('\n').append(doc.substring(title));
              }
              return new Hover(new MarkupContent(MarkupKind.MARKDOWN, md.toString()), covered);
            });
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    return linted(uri)
        .thenApply(
            l ->
                l == null
                    ? List.of()
                    : new CodeActions(server.workspace.rootOf(l.path()), uri, l, server.snippets())
                        .actions(params));
  }
}
