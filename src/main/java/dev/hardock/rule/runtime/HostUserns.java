package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD110: A container opting out of user namespace remapping. */
@RuleInfo(id = "HD110", slug = "host-userns", severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostUserns extends Rule {
  private static final String MESSAGE = "container uses the host user namespace: root in the container is root on the host";

  @Override
  public void check(ContainerSpec c) {
    var s = c.usernsMode();
    if (s != null && s.value() != null && s.value().trim().equalsIgnoreCase("host")) {
      report(s.span(), MESSAGE);
    }
  }
}
