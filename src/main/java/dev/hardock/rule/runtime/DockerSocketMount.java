package dev.hardock.rule.runtime;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD104: A container engine's socket (or its directory) mounted into a container. */
@RuleInfo(
    id = "HD104",
    slug = "docker-socket-mount",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class DockerSocketMount extends Rule {
  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.type() != Mount.Type.BIND
        || m.source() == null
        || !SensitivePaths.isEngineSocket(m.source().value())) return;
    report(
        m.source().span(),
        "container engine socket "
            + m.source().value()
            + " is mounted into the container: whoever controls the container controls the host");
  }
}
