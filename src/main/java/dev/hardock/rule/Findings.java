package dev.hardock.rule;

import dev.hardock.rule.secret.Redaction;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import java.util.ArrayList;
import java.util.List;

/** Collects the findings of the rules run on one file. */
public final class Findings {
  private final String file;
  private final SourceKind source;
  private final List<Finding> found = new ArrayList<>();
  private final java.util.Set<Finding> seen = new java.util.HashSet<>();
  private final java.util.Map<String, Severity> overrides;
  private java.util.Map<Span, String> spanFiles = java.util.Map.of();
  /** The linted text and its line index, for fixes that must keep the quoting and indentation they edit. */
  private String text;
  private dev.hardock.model.LineIndex lines;

  public Findings(String file, SourceKind source, java.util.Map<String, Severity> overrides) {
    this.file = file;
    this.source = source;
    this.overrides = overrides;
  }

  public void report(RuleMeta rule, Span span, String message) {
    report(rule, span, message, rule.severity());
  }

  /**
   * Spans (by identity) that stand in another file than the one linted, such as the value an override
   * file sets for a service of the linted compose file: findings at them are reported in that file.
   */
  public void attribute(java.util.Map<Span, String> fileOfSpan) {
    this.spanFiles = fileOfSpan;
  }

  /** Reports at a severity other than the rule's default (HD118 for /dev/mem); a configured override still wins. */
  public void report(RuleMeta rule, Span span, String message, Severity severity) {
    Severity s = overrides.getOrDefault(rule.id(), severity);
    String where = spanFiles.isEmpty() || span == null ? file : spanFiles.getOrDefault(span, file);
    // messages may quote what the user wrote: never let a credential through in full
    Finding f = new Finding(rule, s, where, span, Redaction.scrub(message), source);
    // the same problem met twice (an unterminated quote seen by the RUN line and by the sh -c string inside it)
    // is one finding
    if (seen.add(f)) found.add(f);
  }

  /** The text the rules run over (spans index it), so that a fix can see what it replaces. */
  public void source(String fileText, dev.hardock.model.LineIndex index) {
    this.text = fileText;
    this.lines = index;
  }

  /** The path shown for the linted file: the file of the edits a rule's fix makes. */
  public String file() {
    return file;
  }

  /**
   * The source text of a span, exactly as written, or null when the text is not known or the span lies outside
   * it (or in another file than the linted one).
   */
  public String written(Span span) {
    if (text == null || span == null || spanFiles.containsKey(span)) return null;
    int from = offset(span.line(), span.column());
    int to = offset(span.endLine(), span.endColumn());
    return from < 0 || to < from ? null : text.substring(from, to);
  }

  /** The text of a 1-based line without its line end, or null. */
  public String line(int line) {
    if (text == null || line < 1 || line > lines.lineCount()) return null;
    int from = lines.lineStart(line);
    int to = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) to--;
    return text.substring(from, to);
  }

  /** The offset of a 1-based line and UTF-16 column in the text, or -1 when it lies outside. */
  private int offset(int line, int column) {
    if (line < 1 || line > lines.lineCount()) return -1;
    int o = lines.lineStart(line) + column - 1;
    int next = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    return o > next ? -1 : o;
  }

  /** Reports with a fix; the fix is dropped when its finding is attributed to another file than its edits. */
  public void report(RuleMeta rule, Span span, String message, Fix fix) {
    int before = found.size();
    report(rule, span, message, rule.severity());
    if (fix == null || found.size() == before) return;
    Finding f = found.get(before);
    for (Edit e : fix.edits()) if (!e.file().equals(f.file()) || spanFiles.containsKey(e.span())) return;
    seen.remove(f);
    Finding withFix = new Finding(f.rule(), f.severity(), f.file(), f.span(), f.message(), f.source(), f.help(), fix);
    found.set(before, withFix);
    seen.add(withFix);
  }

  public List<Finding> all() {
    return found;
  }
}
