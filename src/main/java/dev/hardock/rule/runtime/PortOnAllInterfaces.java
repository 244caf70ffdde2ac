package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.PortMapping;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD126: A published port bound to every host interface. */
@RuleInfo(id = "HD126", slug = "port-on-all-interfaces", severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class PortOnAllInterfaces extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (PortMapping p : c.ports()) {
      String ip = p.hostIp() == null ? null : p.hostIp().trim();
      if (ip == null || ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("[::]")) {
        report(p.span(), "port " + p.containerPort() + " is published on all host interfaces: bind it to an address, e.g. 127.0.0.1:"
            + (p.hostPort() != null ? p.hostPort() : "PORT") + ":" + p.containerPort());
      }
    }
  }
}
