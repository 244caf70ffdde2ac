package dev.hardock.rule.runtime;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD102: The host's root directory bind-mounted into a container. */
@RuleInfo(
    id = "HD102",
    slug = "host-root-mount",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HostRootMount extends Rule {
  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.type() != Mount.Type.BIND
        || m.source() == null
        || !SensitivePaths.isRoot(m.source().value())) return;
    String target = m.target() == null ? "the container" : m.target().value();
    report(
        m.source().span(),
        "the host root / is mounted into "
            + target
            + ": the container can read and change the whole host");
  }
}
