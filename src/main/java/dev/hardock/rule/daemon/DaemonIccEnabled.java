package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD501: inter-container communication on the default bridge is left on (CIS 2.2). */
@RuleInfo(
    id = "HD501",
    slug = "daemon-icc-enabled",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class DaemonIccEnabled extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("icc");
    if (unset != null) {
      report(
          unset,
          "icc is not set and defaults to true: containers on the default bridge can reach each other",
          "set \"icc\": false",
          fix(config));
    }
    DaemonConfig.Entry icc = config.get("icc");
    if (icc != null && icc.isTrue()) {
      report(
          icc.valueSpan(),
          "icc is true: containers on the default bridge can reach each other",
          "set \"icc\": false",
          fix(config));
    }
  }

  /** Unsafe: containers on the default bridge that talk to each other stop reaching each other. */
  private Fix fix(DaemonConfig config) {
    var e = DaemonFix.set(config, "icc", "false", this::replace, this::line);
    return e == null ? null : Fix.unsafe("Set \"icc\": false", e);
  }
}
