package dev.hardock.rule.runtime;

import dev.hardock.model.SensitivePaths;
import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD103: A host system directory bind-mounted into a container. */
@RuleInfo(
    id = "HD103",
    slug = "sensitive-host-mount",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class SensitiveHostMount extends Rule {
  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.type() != Mount.Type.BIND
        || m.source() == null
        || !SensitivePaths.isSensitive(m.source().value())) return;
    if (m.isReadOnly() && SensitivePaths.isTimeZoneData(m.source().value())) return;
    report(
        m.source().span(),
        "sensitive host path " + m.source().value() + " is mounted into the container");
  }
}
