package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD502: containers stop when dockerd stops or is upgraded (CIS 2.15). */
@RuleInfo(
    id = "HD502",
    slug = "daemon-live-restore-off",
    severity = Severity.INFO,
    appliesTo = SourceKind.DAEMON)
public final class DaemonLiveRestoreOff extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("live-restore");
    if (unset != null) {
      report(
          unset,
          "live-restore is not set and defaults to false: containers stop whenever dockerd stops",
          "set \"live-restore\": true",
          fix(config));
    }
    DaemonConfig.Entry e = config.get("live-restore");
    if (e != null && e.isFalse()) {
      report(
          e.valueSpan(),
          "live-restore is false: containers stop whenever dockerd stops",
          "set \"live-restore\": true",
          fix(config));
    }
  }

  /** Unsafe: dockerd refuses live-restore in swarm mode, and containers outlive a daemon stop. */
  private Fix fix(DaemonConfig config) {
    var e = DaemonFix.set(config, "live-restore", "true", this::replace, this::line);
    return e == null ? null : Fix.unsafe("Set \"live-restore\": true", e);
  }
}
