package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD120: A container without a memory limit. */
@RuleInfo(
    id = "HD120",
    slug = "memory-limit-missing",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class MemoryLimitMissing extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    if (c.memory() == null)
      report(
          c.span(),
          "no memory limit",
          "set -m/--memory (mem_limit, deploy.resources.limits.memory)");
  }
}
