package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD109: A container sharing the host's UTS namespace. */
@RuleInfo(
    id = "HD109",
    slug = "host-uts",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostUts extends HostNamespace {
  @Override
  protected Setting<String> mode(ContainerSpec c) {
    return c.utsMode();
  }

  @Override
  protected String message() {
    return "container shares the host UTS namespace: it can change the host name";
  }
}
