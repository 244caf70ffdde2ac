package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD115: A container with SELinux labelling disabled. */
@RuleInfo(
    id = "HD115",
    slug = "selinux-disabled",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class SelinuxDisabled extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> s : c.securityOpts()) {
      if (SecurityOption.parse(s.value()).is("label", "disable"))
        report(s.span(), "SELinux labelling is disabled for the container");
    }
  }
}
