package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD114: A container without an AppArmor profile. */
@RuleInfo(
    id = "HD114",
    slug = "apparmor-unconfined",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class ApparmorUnconfined extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> s : c.securityOpts()) {
      if (SecurityOption.parse(s.value()).is("apparmor", "unconfined"))
        report(s.span(), "AppArmor is disabled (unconfined) for the container");
    }
  }
}
