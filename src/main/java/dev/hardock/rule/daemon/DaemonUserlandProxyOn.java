package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Span;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Fix;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD508: the userland proxy handles published ports instead of iptables rules (CIS 2.16). */
@RuleInfo(
    id = "HD508",
    slug = "daemon-userland-proxy-on",
    severity = Severity.INFO,
    appliesTo = SourceKind.DAEMON)
public final class DaemonUserlandProxyOn extends Rule {
  @Override
  public void check(DaemonConfig config) {
    Span unset = config.unset("userland-proxy");
    if (unset != null) {
      report(
          unset,
          "userland-proxy is not set and defaults to true: a docker-proxy process runs for every published port",
          "set \"userland-proxy\": false",
          fix(config));
    }
    DaemonConfig.Entry e = config.get("userland-proxy");
    if (e != null && e.isTrue()) {
      report(
          e.valueSpan(),
          "userland-proxy is true: a docker-proxy process runs for every published port",
          "set it to false",
          fix(config));
    }
  }

  /** Unsafe: without the proxy, hairpin and loopback connections to published ports depend on iptables and the kernel. */
  private Fix fix(DaemonConfig config) {
    var e = DaemonFix.set(config, "userland-proxy", "false", this::replace, this::line);
    return e == null ? null : Fix.unsafe("Set \"userland-proxy\": false", e);
  }
}
