package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD123: A container allowed unlimited swap. */
@RuleInfo(
    id = "HD123",
    slug = "unlimited-swap",
    severity = Severity.WARNING,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class UnlimitedSwap extends Rule {
  @Override
  public void check(ContainerSpec c) {
    var s = c.memorySwap();
    if (s != null && s.value() != null && s.value().trim().equals("-1")) {
      report(
          s.span(),
          "memory swap is unlimited (-1): the memory limit no longer bounds what the container uses");
    }
  }
}
