package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD121: A container without a CPU limit. */
@RuleInfo(
    id = "HD121",
    slug = "cpu-limit-missing",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class CpuLimitMissing extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    if (c.cpus() == null)
      report(c.span(), "no CPU limit", "set --cpus (cpus, deploy.resources.limits.cpus)");
  }
}
