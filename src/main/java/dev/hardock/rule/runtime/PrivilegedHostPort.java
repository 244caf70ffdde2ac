package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.PortMapping;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD127: A published host port below 1024. */
@RuleInfo(
    id = "HD127",
    slug = "privileged-host-port",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class PrivilegedHostPort extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (PortMapping p : c.ports()) {
      if (p.hostPort() != null && p.hostPort() > 0 && p.hostPort() < 1024) {
        report(
            p.span(),
            "host port " + p.hostPort() + " is a privileged port (below 1024)",
            "use a higher port, or a reverse proxy");
      }
    }
  }
}
