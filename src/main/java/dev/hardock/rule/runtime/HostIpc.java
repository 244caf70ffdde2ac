package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD108: A container sharing the host's IPC namespace. */
@RuleInfo(id = "HD108", slug = "host-ipc", severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostIpc extends Rule {
  private static final String MESSAGE = "container shares the host IPC namespace: it can read host shared memory";

  @Override
  public void check(ContainerSpec c) {
    var s = c.ipcMode();
    if (s != null && s.value() != null && s.value().trim().equalsIgnoreCase("host")) {
      report(s.span(), MESSAGE);
    }
  }
}
