package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD105: A bind mount that is not read-only. */
@RuleInfo(
    id = "HD105",
    slug = "writable-bind-mount",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class WritableBindMount extends Rule {
  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.type() != Mount.Type.BIND || m.isReadOnly()) return;
    String src = m.source() == null ? "a host path" : m.source().value();
    report(
        m.span(),
        "bind mount of " + src + " is writable",
        "mount it read-only (:ro, readonly) unless the container must write to it",
        fix(m));
  }

  private static final java.util.Set<String> MOUNT_KEYS =
      java.util.Set.of(
          "type", "source", "src", "target", "dst", "destination", "readonly", "ro", "consistency");

  /** Whether a mount value is written in {@code --mount} syntax ({@code key=value,...}), not {@code src:dst}. */
  private static boolean mountSyntax(String written) {
    String w = written.startsWith("\"") || written.startsWith("'") ? written.substring(1) : written;
    int eq = w.indexOf('=');
    if (eq <= 0) return false;
    String key = w.substring(0, eq);
    return MOUNT_KEYS.contains(key) || key.startsWith("bind-") || key.startsWith("volume-");
  }

  /**
   * Unsafe: a container that writes to the mount fails once it is read-only. The mount is made read-only in
   * the syntax it is written in: {@code rw} becomes {@code ro}, {@code read_only: false} becomes true, a short
   * {@code -v}/compose item gains {@code :ro} (or {@code ,ro} after its options), a {@code --mount} value
   * {@code ,readonly}, a block-style compose long syntax a {@code read_only: true} line under its target.
   */
  private Fix fix(Mount m) {
    String title = "Mount it read-only";
    if (m.readOnly() != null) {
      var e =
          Boolean.FALSE.equals(m.readOnly().value())
              ? replaceValue(m.readOnly().span(), "rw", "ro")
              : null;
      if (e == null) e = replaceValue(m.readOnly().span(), "false", "true");
      return e == null ? null : Fix.unsafe(title, e);
    }
    Span whole = m.span();
    String all = written(whole);
    if (all == null || m.target() == null) return null;
    Span t = m.target().span();
    if (whole.line() != whole.endLine()) return longSyntax(m, title);
    if (t.equals(whole) || t.line() != whole.line() || !m.target().value().equals(written(t)))
      return null;
    String rest =
        written(whole.resized(t.endLine(), t.endColumn(), whole.endLine(), whole.endColumn()));
    if (rest == null) return null;
    String quote =
        rest.endsWith("\"") || rest.endsWith("'") ? rest.substring(rest.length() - 1) : "";
    if (!quote.isEmpty() && !(all.startsWith(quote))) return null;
    String options = rest.substring(0, rest.length() - quote.length());
    Span end =
        whole.resized(
            whole.endLine(),
            whole.endColumn() - quote.length(),
            whole.endLine(),
            whole.endColumn() - quote.length());
    if (mountSyntax(all)) {
      return options.isEmpty() || options.startsWith(",")
          ? Fix.unsafe(title, insert(end, end.line(), end.column(), ",readonly"))
          : null;
    }
    if (options.isEmpty()) return Fix.unsafe(title, insert(end, end.line(), end.column(), ":ro"));
    if (options.matches(":[A-Za-z,]+"))
      return Fix.unsafe(title, insert(end, end.line(), end.column(), ",ro"));
    return null;
  }

  /** Compose long syntax in block style: {@code read_only: true} at the target key's indentation, after its line. */
  private Fix longSyntax(Mount m, String title) {
    Span t = m.target().span();
    String l = line(t, t.line());
    if (l == null || t.endLine() != t.line()) return null;
    String lead = l.substring(0, l.length() - l.stripLeading().length());
    String body = l.stripLeading();
    if (body.startsWith("- ")) {
      lead = lead + " ".repeat(2);
      body = body.substring(2).stripLeading();
    }
    if (!body.startsWith("target:") || lead.contains("\t")) return null;
    return Fix.unsafe(title, insert(t, t.line(), l.length() + 1, "\n" + lead + "read_only: true"));
  }
}
