package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD508: the userland proxy handles published ports instead of iptables rules (CIS 2.16). */
@RuleInfo(id = "HD508", slug = "daemon-userland-proxy-on", severity = Severity.INFO, appliesTo = SourceKind.DAEMON)
public final class DaemonUserlandProxyOn extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("userland-proxy");
    if (unset != null) {
      report(unset, "userland-proxy is not set and defaults to true: a docker-proxy process runs for every published port",
          "set \"userland-proxy\": false");
    }
    DaemonConfig.Entry e = config.get("userland-proxy");
    if (e != null && e.isTrue()) {
      report(e.valueSpan(), "userland-proxy is true: a docker-proxy process runs for every published port",
          "set it to false");
    }
  }
}
