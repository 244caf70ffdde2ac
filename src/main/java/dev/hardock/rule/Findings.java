package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.secret.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of the rules run on one file. A finding is reported in the file its span names
 * ({@link Span#file()}: the file whose text the span was made from, such as an override or {@code extends}
 * file of the linted compose file), else in the linted file.
 */
public final class Findings {
  private final String file;
  private final SourceKind source;
  private final List<Finding> found = new ArrayList<>();
  private final java.util.Set<Finding> seen = new java.util.HashSet<>();
  private final java.util.Map<String, Severity> overrides;

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

  /** Reports at a severity other than the rule's default (HD118 for /dev/mem); a configured override still wins. */
  public void report(RuleMeta rule, Span span, String message, Severity severity) {
    report(rule, span, message, severity, null);
  }

  /** As {@link #report(RuleMeta, Span, String, Severity)}, with advice for this finding ({@link Finding#help}). */
  public void report(RuleMeta rule, Span span, String message, Severity severity, String help) {
    report(rule, span, message, severity, help, null);
  }

  /**
   * The general form: advice and a fix may each be null. The fix is dropped when one of its edits stands in
   * another file than its finding (a fix edits the file its finding is in: the linted file, or the override,
   * {@code extends} or include file the finding's value stands in).
   */
  public void report(
      RuleMeta rule, Span span, String message, Severity severity, String help, Fix fix) {
    Severity s = overrides.getOrDefault(rule.id(), severity);
    String where = span == null || span.file() == null ? file : span.file().displayPath();
    // messages may quote what the user wrote: never let a credential through in full
    if (fix != null && !fixable(fix, where)) fix = null;
    Finding f =
        new Finding(
            rule,
            s,
            where,
            span,
            Redaction.scrub(message),
            source,
            help == null ? null : Redaction.scrub(help),
            fix);
    // the same problem met twice (an unterminated quote seen by the RUN line and by the sh -c
    // string inside it)
    // is one finding
    if (seen.add(f)) found.add(f);
  }

  /** The text the rules run over (spans index it), so that a fix can see what it replaces. */
  public void source(String fileText, dev.hardock.model.LineIndex index) {
    this.text = fileText;
    this.lines = index;
  }

  /** A point of the linted file (its span names the file when the text is known). */
  public Span point(int line, int column) {
    Span start = lines == null ? Span.START : lines.span(0, 0);
    return start.resized(line, column, line, column);
  }

  /** The path shown for the linted file. */
  public String file() {
    return file;
  }

  /** The path shown for the file a span stands in (the linted file when the span names none). */
  public String fileOf(Span span) {
    return span == null || span.file() == null ? file : span.file().displayPath();
  }

  /**
   * The source text of a span, exactly as written, or null when the text is not known or the span lies outside
   * it (or in another file than the linted one).
   */
  public String written(Span span) {
    if (span == null) return null;
    String t = textOf(span);
    dev.hardock.model.LineIndex l = linesOf(span);
    if (t == null || l == null) return null;
    int from = offset(t, l, span.line(), span.column());
    int to = offset(t, l, span.endLine(), span.endColumn());
    return from < 0 || to < from ? null : t.substring(from, to);
  }

  /** The text of a 1-based line of the file {@code in} stands in, without its line end, or null. */
  public String line(Span in, int line) {
    if (in == null || inLintedFile(in)) return line(line);
    return lineOf(in.file().text(), in.file().lines(), line);
  }

  private String textOf(Span span) {
    return inLintedFile(span) ? text : span.file().text();
  }

  private dev.hardock.model.LineIndex linesOf(Span span) {
    return inLintedFile(span) ? lines : span.file().lines();
  }

  /** The text of a 1-based line without its line end, or null. */
  public String line(int line) {
    return lineOf(text, lines, line);
  }

  private static String lineOf(String text, dev.hardock.model.LineIndex lines, int line) {
    if (text == null || line < 1 || line > lines.lineCount()) return null;
    int from = lines.lineStart(line);
    int to = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    while (to > from && (text.charAt(to - 1) == '\n' || text.charAt(to - 1) == '\r')) to--;
    return text.substring(from, to);
  }

  /** The offset of a 1-based line and UTF-16 column in the text, or -1 when it lies outside. */
  private static int offset(String text, dev.hardock.model.LineIndex lines, int line, int column) {
    if (line < 1 || line > lines.lineCount()) return -1;
    int o = lines.lineStart(line) + column - 1;
    int next = line < lines.lineCount() ? lines.lineStart(line + 1) : text.length();
    return o > next ? -1 : o;
  }

  /** Reports with a fix (see {@link #report(RuleMeta, Span, String, Severity, String, Fix)}). */
  public void report(RuleMeta rule, Span span, String message, Fix fix) {
    report(rule, span, message, rule.severity(), null, fix);
  }

  /** Reports with advice and a fix. */
  public void report(RuleMeta rule, Span span, String message, String help, Fix fix) {
    report(rule, span, message, rule.severity(), help, fix);
  }

  private boolean inLintedFile(Span span) {
    return span.file() == null || span.file().displayPath().equals(file);
  }

  private boolean fixable(Fix fix, String where) {
    for (Edit e : fix.edits())
      if (!e.file().equals(where) || !fileOf(e.span()).equals(where)) return false;
    return true;
  }

  public List<Finding> all() {
    return found;
  }
}
