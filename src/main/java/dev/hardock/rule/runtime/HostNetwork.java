package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD106: A container sharing the host's network namespace. */
@RuleInfo(
    id = "HD106",
    slug = "host-network",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostNetwork extends HostNamespace {
  @Override
  protected Setting<String> mode(ContainerSpec c) {
    return c.networkMode();
  }

  @Override
  protected String message() {
    return "container shares the host network namespace: it sees every host interface and can bind any host port";
  }
}
