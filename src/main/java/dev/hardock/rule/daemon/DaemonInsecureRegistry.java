package dev.hardock.rule.daemon;

import dev.hardock.model.SourceKind;
import dev.hardock.model.Text;
import dev.hardock.model.daemon.DaemonConfig;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;
import java.util.Locale;

/**
 * HD507: registries pulled from over plain HTTP or with unverified certificates (CIS 2.5). Loopback entries
 * are not flagged: dockerd already treats 127.0.0.0/8 as insecure, and that traffic never leaves the host.
 */
@RuleInfo(
    id = "HD507",
    slug = "daemon-insecure-registry",
    severity = Severity.ERROR,
    appliesTo = SourceKind.DAEMON)
public final class DaemonInsecureRegistry extends Rule {
  @Override
  public void check(DaemonConfig config) {
    DaemonConfig.Entry registries = config.get("insecure-registries");
    if (registries == null) return;
    for (Text r : registries.items()) {
      if (r.value().isBlank() || isLoopback(r.value())) continue;
      report(
          r.span(),
          "insecure registry "
              + r.value()
              + ": images are pulled without TLS verification and can be swapped in transit");
    }
  }

  static boolean isLoopback(String registry) {
    String h = registry.trim().toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
    return h.equals("localhost")
        || h.startsWith("localhost:")
        || h.startsWith("localhost/")
        || h.startsWith("127.")
        || h.startsWith("[::1]")
        || h.equals("::1")
        || h.startsWith("::1/");
  }
}
