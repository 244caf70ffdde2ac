package dev.hardock.lsp;

import dev.hardock.model.Span;
import dev.hardock.report.Visible;
import dev.hardock.rule.Edit;
import dev.hardock.rule.Finding;
import dev.hardock.rule.Fix;
import dev.hardock.rule.RuleDoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/** hardock's values as the protocol's: spans as ranges, findings as diagnostics, fixes as workspace edits. */
final class Conversions {
  static final String SOURCE = "hardock";

  private Conversions() {}

  /** A span (1-based lines and UTF-16 columns, end exclusive) as a range (0-based, end exclusive): the same places. */
  static Range range(Span s) {
    return new Range(
        new Position(s.line() - 1, s.column() - 1),
        new Position(s.endLine() - 1, s.endColumn() - 1));
  }

  static DiagnosticSeverity severity(dev.hardock.rule.Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
      case STYLE -> DiagnosticSeverity.Hint;
    };
  }

  static Diagnostic diagnostic(Finding f) {
    // the message may quote the file: an editor shows it as it is, so no control or bidi character
    // goes through
    Diagnostic d =
        new Diagnostic(
            range(f.span()),
            Visible.line(f.message()),
            severity(f.severity()),
            SOURCE,
            f.rule().id());
    d.setCodeDescription(new DiagnosticCodeDescription(RuleDoc.page(f.rule())));
    return d;
  }

  static List<Diagnostic> diagnostics(List<Finding> findings) {
    List<Diagnostic> out = new ArrayList<>(findings.size());
    for (Finding f : findings) out.add(diagnostic(f));
    return out;
  }

  /** Whether a diagnostic the client sends back (code action context) is this finding's. */
  static boolean same(Diagnostic d, Finding f) {
    return d.getRange().equals(range(f.span()))
        && d.getCode() != null
        && d.getCode().isLeft()
        && f.rule().id().equals(d.getCode().getLeft());
  }

  static boolean overlaps(Range r, Span s) {
    Range f = range(s);
    return before(f.getStart(), r.getEnd(), true) && before(r.getStart(), f.getEnd(), true);
  }

  /** Whether {@code a} comes before {@code b} (or equals it, when {@code orEqual}). */
  static boolean before(Position a, Position b, boolean orEqual) {
    int c =
        a.getLine() != b.getLine()
            ? Integer.compare(a.getLine(), b.getLine())
            : Integer.compare(a.getCharacter(), b.getCharacter());
    return orEqual ? c <= 0 : c < 0;
  }

  /**
   * A fix as a workspace edit: its edits grouped by file, each file ({@link Edit#file()}: the shown path) turned
   * into its URI by {@code uriOf}. Null when a file cannot be named.
   */
  static WorkspaceEdit workspaceEdit(List<Edit> edits, Function<String, String> uriOf) {
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Edit e : edits) {
      String uri = uriOf.apply(e.file());
      if (uri == null) return null;
      changes
          .computeIfAbsent(uri, k -> new ArrayList<>())
          .add(new TextEdit(range(e.span()), e.text()));
    }
    return new WorkspaceEdit(changes);
  }

  static WorkspaceEdit workspaceEdit(Fix fix, Function<String, String> uriOf) {
    return workspaceEdit(fix.edits(), uriOf);
  }

  /** The code action title of a fix: an unsafe one says so, as ruff's. */
  static String title(Fix fix) {
    return fix.applicability() == Fix.Applicability.SAFE
        ? fix.title()
        : fix.title() + " (unsafe: review the change)";
  }

  /**
   * The edits of every safe fix, in order, skipping a fix whose edits overlap one already taken (it is applied by
   * a second fix-all, on the new text).
   */
  static List<Edit> safeEdits(List<Finding> findings) {
    List<Edit> taken = new ArrayList<>();
    for (Finding f : findings) {
      Fix fix = f.fix();
      if (fix == null || fix.applicability() != Fix.Applicability.SAFE) continue;
      boolean clash = false;
      for (Edit e : fix.edits())
        for (Edit t : taken)
          if (e.file().equals(t.file()) && clash(e.span(), t.span())) clash = true;
      if (!clash) taken.addAll(fix.edits());
    }
    return taken;
  }

  private static boolean clash(Span a, Span b) {
    // two edits of the same place clash too: their order would be the client's choice
    if (a.equals(b)) return true;
    Range x = range(a);
    Range y = range(b);
    return before(x.getStart(), y.getEnd(), false) && before(y.getStart(), x.getEnd(), false);
  }

  /** A file shown relative to a project root, as a URI. */
  static String uri(Path root, String shown) {
    return root.resolve(shown).toAbsolutePath().normalize().toUri().toString();
  }
}
