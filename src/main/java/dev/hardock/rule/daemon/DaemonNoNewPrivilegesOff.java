package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD504: containers may gain privileges through setuid binaries unless each run opts out (CIS 2.14). */
@RuleInfo(
    id = "HD504",
    slug = "daemon-no-new-privileges-off",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class DaemonNoNewPrivilegesOff extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("no-new-privileges");
    if (unset != null) {
      report(
          unset,
          "no-new-privileges is not set: processes in containers can gain privileges through setuid binaries",
          "set \"no-new-privileges\": true",
          fix(config));
    }
    DaemonConfig.Entry e = config.get("no-new-privileges");
    if (e != null && e.isFalse()) {
      report(
          e.valueSpan(),
          "no-new-privileges is false: processes in containers can gain privileges through setuid binaries",
          "set it to true",
          fix(config));
    }
  }

  /** Unsafe: programs that need setuid binaries (sudo, ping on old images) stop working in every container. */
  private Fix fix(DaemonConfig config) {
    var e = DaemonFix.set(config, "no-new-privileges", "true", this::replace, this::line);
    return e == null ? null : Fix.unsafe("Set \"no-new-privileges\": true", e);
  }
}
