package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD108: A container sharing the host's IPC namespace. */
@RuleInfo(
    id = "HD108",
    slug = "host-ipc",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostIpc extends HostNamespace {
  @Override
  protected Setting<String> mode(ContainerSpec c) {
    return c.ipcMode();
  }

  @Override
  protected String message() {
    return "container shares the host IPC namespace: it can read host shared memory";
  }
}
