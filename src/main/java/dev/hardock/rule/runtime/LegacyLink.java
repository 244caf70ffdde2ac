package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD129: A legacy container link. */
@RuleInfo(
    id = "HD129",
    slug = "legacy-link",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class LegacyLink extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> l : c.links()) {
      report(
          l.span(),
          "legacy link " + l.value(),
          "connect the containers through a user-defined network instead");
    }
  }
}
