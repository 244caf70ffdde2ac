package dev.hardock.rule.runtime;

import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Mount;
import dev.hardock.model.SourceKind;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD105: A bind mount that is not read-only. */
@RuleInfo(id = "HD105", slug = "writable-bind-mount", severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class WritableBindMount extends Rule {
  @Override
  public void check(Mount m, ContainerSpec c) {
    if (m.type() != Mount.Type.BIND || m.isReadOnly()) return;
    String src = m.source() == null ? "a host path" : m.source().value();
    report(m.span(), "bind mount of " + src + " is writable",
        "mount it read-only (:ro, readonly) unless the container must write to it");
  }
}
