package dev.hardock.rule;

import dev.hardock.model.secret.Redaction;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
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
    Severity s = overrides.getOrDefault(rule.id(), severity);
    String where = span == null || span.file() == null ? file : span.file().displayPath();
    // messages may quote what the user wrote: never let a credential through in full
    Finding f = new Finding(rule, s, where, span, Redaction.scrub(message), source,
        help == null ? null : Redaction.scrub(help), null);
    // the same problem met twice (an unterminated quote seen by the RUN line and by the sh -c string inside it)
    // is one finding
    if (seen.add(f)) found.add(f);
  }

  public List<Finding> all() {
    return found;
  }
}
