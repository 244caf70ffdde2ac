package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/**
 * HD124: A restart policy that restarts a failing container forever. Compose's {@code deploy.restart_policy}
 * reaches here as {@code condition[:max_attempts]} (condition any is Docker's always).
 */
@RuleInfo(id = "HD124", slug = "unbounded-restart", severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class UnboundedRestart extends Rule {
  @Override
  public void check(ContainerSpec c) {
    var r = c.restart();
    if (r == null || r.value() == null) return;
    String v = r.value().trim().toLowerCase(java.util.Locale.ROOT);
    if (v.equals("any") || v.equals("any:0")) {
      report(r.span(), "restart policy condition any restarts a crashing container forever",
          "use condition on-failure with max_attempts, e.g. 5");
    } else if (v.equals("always") || v.equals("unless-stopped")) {
      report(r.span(), "restart policy " + v + " restarts a crashing container forever",
          "use on-failure with a count, e.g. on-failure:5");
    } else if (v.equals("on-failure") || v.equals("on-failure:0")) {
      report(r.span(), "restart policy on-failure has no retry count", "use on-failure:5 or similar"
          + (c.source() == SourceKind.COMPOSE ? " (max_attempts under deploy.restart_policy)" : ""));
    }
  }
}
