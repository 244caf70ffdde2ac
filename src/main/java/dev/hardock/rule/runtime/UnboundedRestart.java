package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD124: A restart policy that restarts a failing container forever. Compose's {@code deploy.restart_policy}
 * reaches here as {@code condition[:max_attempts]} (condition any is Docker's always).
 */
@RuleInfo(
    id = "HD124",
    slug = "unbounded-restart",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class UnboundedRestart extends Rule {
  @Override
  public void check(ContainerSpec c) {
    var r = c.restart();
    if (r == null || r.value() == null) return;
    String v = r.value().trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("any") || v.equals("any:0")) {
      report(
          r.span(),
          "restart policy condition any restarts a crashing container forever",
          "use condition on-failure with max_attempts, e.g. 5");
    } else if (v.equals("always") || v.equals("unless-stopped")) {
      report(
          r.span(),
          "restart policy " + v + " restarts a crashing container forever",
          "use on-failure with a count, e.g. on-failure:5",
          fix(r.span(), r.value()));
    } else if (v.equals("on-failure") || v.equals("on-failure:0")) {
      report(
          r.span(),
          "restart policy on-failure has no retry count",
          "use on-failure:5 or similar"
              + (c.source() == SourceKind.COMPOSE
                  ? " (max_attempts under deploy.restart_policy)"
                  : ""),
          fix(r.span(), r.value()));
    }
  }

  /**
   * Unsafe: a container that crashes more than 5 times in a row, or that stops with exit code 0, is then left
   * stopped (and unless-stopped no longer restarts after a daemon restart). Only where the value stands under
   * the {@code restart} key or flag ({@code on-failure:5} is no value for deploy's {@code condition}).
   */
  private Fix fix(Span span, String value) {
    String w = written(span);
    String l = line(span, span.line());
    if (w == null || l == null || span.line() != span.endLine()) return null;
    String before = l.substring(0, Math.min(l.length(), span.column() - 1)).stripTrailing();
    boolean flag =
        w.startsWith("--restart") || w.startsWith("restart:"); // the flag or key with its value
    if (!flag && !before.endsWith("restart:")) return null;
    String quote = w.endsWith("\"") || w.endsWith("'") ? w.substring(w.length() - 1) : "";
    String bare = w.substring(0, w.length() - quote.length());
    if (!bare.endsWith(value)) return null;
    int endColumn = span.endColumn() - quote.length();
    Span v = span.resized(span.line(), endColumn - value.length(), span.line(), endColumn);
    if (!flag) {
      var e = replaceValue(span, value, "on-failure:5");
      return e == null ? null : Fix.unsafe("Restart on failure, at most 5 times", e);
    }
    return Fix.unsafe("Restart on failure, at most 5 times", replace(v, "on-failure:5"));
  }
}
