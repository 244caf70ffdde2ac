package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD510: Docker no longer manages iptables, so published ports and isolation rules are not set up (CIS 2.4). */
@RuleInfo(
    id = "HD510",
    slug = "daemon-iptables-off",
    severity = Severity.WARNING,
    appliesTo = SourceKind.DAEMON)
public final class DaemonIptablesOff extends Rule {
  @Override
  public void check(DaemonConfig config) {
    DaemonConfig.Entry e = config.get("iptables");
    if (e != null && e.isFalse()) {
      report(
          e.valueSpan(),
          "iptables is false: Docker does not set up the firewall rules that isolate container networks",
          "remove it");
    }
  }
}
