package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD107: A container sharing the host's process namespace. */
@RuleInfo(id = "HD107", slug = "host-pid", severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostPid extends Rule {
  private static final String MESSAGE = "container shares the host PID namespace: it sees and can signal every host process";

  @Override
  public void check(ContainerSpec c) {
    var s = c.pidMode();
    if (s != null && s.value() != null && s.value().trim().equalsIgnoreCase("host")) {
      report(s.span(), MESSAGE);
    }
  }
}
