package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD503: no user namespace remapping, so root in a container is root on the host (CIS 2.9). */
@RuleInfo(
    id = "HD503",
    slug = "daemon-userns-remap-off",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class DaemonUsernsRemapOff extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("userns-remap");
    if (unset != null) {
      report(
          unset,
          "userns-remap is not set: root in a container is root on the host",
          "set \"userns-remap\": \"default\"");
    }
    DaemonConfig.Entry e = config.get("userns-remap");
    if (e != null && e.string() != null && e.string().isBlank()) {
      report(
          e.valueSpan(),
          "userns-remap is empty: root in a container is root on the host",
          "set \"userns-remap\": \"default\"");
    }
  }
}
