package dev.hardock.rule;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;

/**
 * One problem found: which rule, how serious, where, and what. {@code message} says what is wrong (short, no
 * advice); {@code help}, when not null, says what to do about it in words (ruff's fix title); {@code fix}, when
 * not null, is the change that would do it, as data.
 */
public record Finding(
    RuleMeta rule,
    Severity severity,
    String file,
    Span span,
    String message,
    SourceKind source,
    String help,
    Fix fix)
    implements Comparable<Finding> {
  public Finding(
      RuleMeta rule, Severity severity, String file, Span span, String message, SourceKind source) {
    this(rule, severity, file, span, message, source, null, null);
  }

  public Finding withMessage(String m) {
    return new Finding(rule, severity, file, span, m, source, help, fix);
  }

  public Finding withFile(String f) {
    return new Finding(rule, severity, f, span, message, source, help, fix);
  }

  /** The findings of a lint in report order: those in {@code linted} first, then each other file's by path; each by position. */
  public static java.util.Comparator<Finding> inFileOrder(String linted) {
    return (a, b) -> {
      boolean am = a.file().equals(linted), bm = b.file().equals(linted);
      if (am != bm) return am ? -1 : 1;
      int c = am ? 0 : a.file().compareTo(b.file());
      return c != 0 ? c : a.compareTo(b);
    };
  }

  @Override
  public int compareTo(Finding o) {
    int c = span.compareTo(o.span);
    return c != 0 ? c : rule.id().compareTo(o.rule.id());
  }

  // equals and hashCode spelled out (31 * h + each component, in order, as a record's, less the fix
  // in hashCode): the generated ones link through invokedynamic (ObjectMethods) at first use, which
  // the JVM's start-up cache does not keep, and that costs milliseconds at the first finding of
  // every run.
  @Override
  public boolean equals(Object o) {
    return o instanceof Finding f
        && java.util.Objects.equals(rule, f.rule)
        && severity == f.severity
        && java.util.Objects.equals(file, f.file)
        && java.util.Objects.equals(span, f.span)
        && java.util.Objects.equals(message, f.message)
        && source == f.source
        && java.util.Objects.equals(help, f.help)
        && java.util.Objects.equals(fix, f.fix);
  }

  @Override
  public int hashCode() {
    int h = java.util.Objects.hashCode(rule);
    h = 31 * h + java.util.Objects.hashCode(severity);
    h = 31 * h + java.util.Objects.hashCode(file);
    h = 31 * h + java.util.Objects.hashCode(span);
    h = 31 * h + java.util.Objects.hashCode(message);
    h = 31 * h + java.util.Objects.hashCode(source);
    // not the fix: findings equal in all else are told apart by equals; hashing the record Fix (and
    // its Edits) would link their ObjectMethods call sites, 4 ms at the first finding with a fix
    return 31 * h + java.util.Objects.hashCode(help);
  }
}
