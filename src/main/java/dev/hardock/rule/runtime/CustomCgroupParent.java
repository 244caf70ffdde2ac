package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD128: A container placed under a custom parent cgroup. */
@RuleInfo(
    id = "HD128",
    slug = "custom-cgroup-parent",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class CustomCgroupParent extends Rule {
  @Override
  public void check(ContainerSpec c) {
    var g = c.cgroupParent();
    if (g != null && g.value() != null && !g.value().isBlank()) {
      report(
          g.span(),
          "container is placed under cgroup " + g.value().trim(),
          "check that its limits still apply");
    }
  }
}
