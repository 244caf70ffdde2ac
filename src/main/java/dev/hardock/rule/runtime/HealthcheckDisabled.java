package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD125: A container whose image health check is switched off. */
@RuleInfo(
    id = "HD125",
    slug = "healthcheck-disabled",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class HealthcheckDisabled extends Rule {
  @Override
  public void check(ContainerSpec c) {
    var h = c.healthcheckDisabled();
    if (h != null && Boolean.TRUE.equals(h.value())) {
      report(
          h.span(), "the image's health check is disabled: failures of the service go unnoticed");
    }
  }
}
