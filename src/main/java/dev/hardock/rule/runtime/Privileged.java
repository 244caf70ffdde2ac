package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD101: A container started with full privileges. */
@RuleInfo(
    id = "HD101",
    slug = "privileged",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class Privileged extends Rule {
  @Override
  public void check(ContainerSpec c) {
    if (c.privileged() != null && Boolean.TRUE.equals(c.privileged().value())) {
      report(
          c.privileged().span(),
          "container runs privileged: it gets every capability and every host device",
          "add only the capabilities it needs");
    }
  }
}
