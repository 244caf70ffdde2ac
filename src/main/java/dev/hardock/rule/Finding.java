package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;

/** One problem found: which rule, how serious, where, and what, in words a user can act on. */
public record Finding(RuleMeta rule, Severity severity, String file, Span span, String message, SourceKind source)
    implements Comparable<Finding> {
  @Override
  public int compareTo(Finding o) {
    int c = span.compareTo(o.span);
    return c != 0 ? c : rule.id().compareTo(o.rule.id());
  }
}
