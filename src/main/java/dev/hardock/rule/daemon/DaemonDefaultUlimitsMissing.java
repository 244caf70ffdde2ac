package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD509: containers get the daemon's own, usually huge, resource limits (CIS 2.8). */
@RuleInfo(
    id = "HD509",
    slug = "daemon-default-ulimits-missing",
    severity = Severity.INFO,
    appliesTo = SourceKind.DAEMON)
public final class DaemonDefaultUlimitsMissing extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("default-ulimits");
    if (unset != null) {
      report(
          unset,
          "default-ulimits is not set: containers inherit the daemon's limits on open files and processes");
    }
    DaemonConfig.Entry e = config.get("default-ulimits");
    if (e != null && e.object() != null && e.object().entries().isEmpty()) {
      report(
          e.valueSpan(),
          "default-ulimits is empty: containers inherit the daemon's limits on open files and processes");
    }
  }
}
