package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD110: A container opting out of user namespace remapping. */
@RuleInfo(
    id = "HD110",
    slug = "host-userns",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostUserns extends HostNamespace {
  @Override
  protected Setting<String> mode(ContainerSpec c) {
    return c.usernsMode();
  }

  @Override
  protected String message() {
    return "container uses the host user namespace: root in the container is root on the host";
  }
}
