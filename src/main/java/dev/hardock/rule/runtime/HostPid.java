package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD107: A container sharing the host's process namespace. */
@RuleInfo(
    id = "HD107",
    slug = "host-pid",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostPid extends HostNamespace {
  @Override
  protected Setting<String> mode(ContainerSpec c) {
    return c.pidMode();
  }

  @Override
  protected String message() {
    return "container shares the host PID namespace: it sees and can signal every host process";
  }
}
