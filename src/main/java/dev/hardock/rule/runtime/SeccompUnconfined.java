package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD113: A container without a seccomp profile. */
@RuleInfo(
    id = "HD113",
    slug = "seccomp-unconfined",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class SeccompUnconfined extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> s : c.securityOpts()) {
      if (SecurityOption.parse(s.value()).is("seccomp", "unconfined"))
        report(
            s.span(),
            "seccomp is disabled (unconfined): every system call is open to the container");
    }
  }
}
