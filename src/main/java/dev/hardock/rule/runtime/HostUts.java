package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD109: A container sharing the host's UTS namespace. */
@RuleInfo(id = "HD109", slug = "host-uts", severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostUts extends Rule {
  private static final String MESSAGE = "container shares the host UTS namespace: it can change the host name";

  @Override
  public void check(ContainerSpec c) {
    var s = c.utsMode();
    if (s != null && s.value() != null && s.value().trim().equalsIgnoreCase("host")) {
      report(s.span(), MESSAGE);
    }
  }
}
