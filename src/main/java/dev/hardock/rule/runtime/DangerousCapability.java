package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD111: A capability added that breaks container isolation. */
@RuleInfo(
    id = "HD111",
    slug = "dangerous-capability",
    severity = Severity.ERROR,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class DangerousCapability extends Rule {
  @Override
  public void check(ContainerSpec c) {
    for (Setting<String> cap : c.capAdd()) {
      if (!Capabilities.isDangerous(cap.value())) continue;
      String name = Capabilities.canonical(cap.value());
      report(
          cap.span(),
          name.equals("ALL")
              ? "all capabilities are added: the container is nearly privileged"
              : "capability "
                  + name
                  + " is added: it lets the container break out of its isolation");
    }
  }
}
