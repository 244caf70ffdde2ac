package dev.hardock.lsp;

import dev.hardock.engine.Suppressions;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Fix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.StringValue;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The code actions of a document's findings at a range: each finding's fix as a quick fix (a safe one preferred,
 * an unsafe one labelled), "suppress HDnnn here" as a directive in the file's comment syntax, and on request
 * {@code source.fixAll.hardock}: every safe fix of the document at once.
 */
final class CodeActions {
  static final String FIX_ALL = CodeActionKind.SourceFixAll + ".hardock";

  /** Typed over in the editor; with a client that takes snippets it is a placeholder, selected. */
  static final String REASON = "reason";

  private final Path root;
  private final String uri;
  private final Workspace.Linted linted;
  private final boolean snippets;

  CodeActions(Path root, String uri, Workspace.Linted linted, boolean snippets) {
    this.root = root;
    this.uri = uri;
    this.linted = linted;
    this.snippets = snippets;
  }

  List<Either<Command, CodeAction>> actions(CodeActionParams params) {
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    boolean quick = only == null || only.isEmpty() || wants(only, CodeActionKind.QuickFix);
    boolean fixAll = only != null && wants(only, FIX_ALL);
    List<Either<Command, CodeAction>> out = new ArrayList<>();
    if (quick) {
      Set<String> suppressOffered = new HashSet<>();
      for (Finding f : linted.findings()) {
        Diagnostic d = diagnosticOf(f, params);
        if (d == null) continue;
        if (f.fix() != null) {
          CodeAction a = fix(f.fix());
          if (a != null) {
            a.setDiagnostics(List.of(d));
            out.add(Either.forRight(a));
          }
        }
        CodeAction s = suppress(f);
        if (s != null && suppressOffered.add(f.rule().id() + "@" + f.span().line())) {
          s.setDiagnostics(List.of(d));
          out.add(Either.forRight(s));
        }
      }
    }
    if (fixAll) {
      CodeAction a = fixAll();
      if (a != null) out.add(Either.forRight(a));
    }
    return out;
  }

  /** Whether a requested kind asks for {@code kind}: "source" asks for "source.fixAll.hardock" too. */
  private static boolean wants(List<String> only, String kind) {
    for (String o : only) if (kind.equals(o) || kind.startsWith(o + ".")) return true;
    return false;
  }

  /** The diagnostic of a finding the request is about (the client's own when it sent it), or null. */
  private static Diagnostic diagnosticOf(Finding f, CodeActionParams params) {
    if (params.getContext() != null && params.getContext().getDiagnostics() != null) {
      for (Diagnostic d : params.getContext().getDiagnostics())
        if (Conversions.same(d, f)) return d;
    }
    return Conversions.overlaps(params.getRange(), f.span()) ? Conversions.diagnostic(f) : null;
  }

  private String uriOf(String shown) {
    if (Path.of(shown).normalize().equals(Path.of(linted.display()).normalize())) return uri;
    return Conversions.uri(root, shown);
  }

  /** A fix as a quick fix; null when it names a file that cannot be addressed. */
  CodeAction fix(Fix fix) {
    WorkspaceEdit edit = Conversions.workspaceEdit(fix, this::uriOf);
    if (edit == null) return null;
    CodeAction a = new CodeAction(Conversions.title(fix));
    a.setKind(CodeActionKind.QuickFix);
    a.setIsPreferred(fix.applicability() == Fix.Applicability.SAFE);
    a.setEdit(edit);
    return a;
  }

  /** "Suppress HDnnn here": the directive above the statement that holds the finding; null in JSON. */
  CodeAction suppress(Finding f) {
    Suppressions.Placement at = Suppressions.placement(linted.file(), f.span().line());
    if (at == null) return null;
    Position p = new Position(at.before() - 1, 0);
    Range r = new Range(p, p);
    String id = f.rule().id();
    Either<TextEdit, SnippetTextEdit> insert =
        snippets
            ? Either.forRight(
                new SnippetTextEdit(
                    r,
                    new StringValue(
                        "snippet",
                        escape(at.prefix(id)) + "${1:" + REASON + "}" + escape(at.suffix()))))
            : Either.forLeft(new TextEdit(r, at.line(id, REASON)));
    WorkspaceEdit edit =
        new WorkspaceEdit(
            List.of(
                Either.forLeft(
                    new TextDocumentEdit(
                        new VersionedTextDocumentIdentifier(uri, linted.version()),
                        List.of(insert)))));
    CodeAction a = new CodeAction("Suppress " + f.rule().id() + " " + f.rule().slug() + " here");
    a.setKind(CodeActionKind.QuickFix);
    a.setEdit(edit);
    return a;
  }

  /** Snippet syntax treats $, } and \ specially: the fixed parts of a snippet are escaped. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
  }

  /** Every safe fix of the document, as one edit; null when there is none. */
  CodeAction fixAll() {
    List<Edit> edits = Conversions.safeEdits(linted.findings());
    if (edits.isEmpty()) return null;
    WorkspaceEdit edit = Conversions.workspaceEdit(edits, this::uriOf);
    if (edit == null) return null;
    CodeAction a = new CodeAction("Apply every safe hardock fix");
    a.setKind(FIX_ALL);
    a.setEdit(edit);
    return a;
  }
}
