package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HD505: the Docker API listens on TCP without TLS client verification (CIS 2.7). Loopback addresses are
 * flagged too: every local user and process, and any container on the host network, can reach them.
 */
@RuleInfo(
    id = "HD505",
    slug = "daemon-tcp-without-tls",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DAEMON)
public final class DaemonTcpWithoutTls extends Rule {
  private static final List<String> CERTS = List.of("tlscacert", "tlscert", "tlskey");

  @Override
  public void check(DaemonConfig config) {
    DaemonConfig.Entry hosts = config.get("hosts");
    if (hosts == null) return;
    DaemonConfig.Entry verify = config.get("tlsverify");
    DaemonConfig.Entry tls = config.get("tls");
    List<String> missing = new ArrayList<>();
    for (String key : CERTS) {
      DaemonConfig.Entry e = config.get(key);
      if (e == null || e.string() == null || e.string().isBlank()) missing.add(key);
    }
    boolean verifies = verify != null && verify.isTrue();
    if (verifies && missing.isEmpty()) return;
    String why;
    if (verifies) {
      why =
          "relies on tlsverify but "
              + String.join(", ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " not set, so dockerd falls back to its default certificate directory";
    } else if (tls != null && tls.isTrue()) {
      why =
          "uses tls without tlsverify: clients are not authenticated, and whoever reaches it is root on the host";
    } else {
      why = "has no TLS client verification (tlsverify): whoever reaches it is root on the host";
    }
    for (Text host : hosts.items()) {
      if (isTcp(host.value())) report(host.span(), "Docker API on " + host.value() + " " + why);
    }
  }

  /** dockerd reads an address without a scheme ({@code 0.0.0.0:2375}) as TCP. */
  static boolean isTcp(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("tcp://")) return true;
    return !h.isEmpty() && !h.contains("://");
  }
}
