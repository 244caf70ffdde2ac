package dev.hardock.rule.runtime;

import dev.hardock.model.SourceKind;
import dev.hardock.model.container.ContainerSpec;
import dev.hardock.model.container.Setting;
import dev.hardock.rule.MissingSetting;
import dev.hardock.rule.Rule;
import dev.hardock.rule.RuleInfo;
import dev.hardock.rule.Severity;

/** HD112: A container that keeps Docker's default capabilities. */
@RuleInfo(
    id = "HD112",
    slug = "capabilities-not-dropped",
    severity = Severity.INFO,
    appliesTo = {SourceKind.COMPOSE, SourceKind.RUN})
public final class CapabilitiesNotDropped extends Rule implements MissingSetting {
  @Override
  public void check(ContainerSpec c) {
    if (c.hiddenOptions() != null) return; // the setting may be among options the reader cannot see
    // a value still holding a variable (${CAPS}) may well be ALL: no guess
    for (Setting<String> cap : c.capDrop())
      if (Capabilities.isAll(cap.value()) || cap.value().contains("$")) return;
    report(
        c.span(),
        "capabilities are not dropped",
        "drop them all (--cap-drop=ALL, cap_drop: [ALL]) and add back only those needed");
  }
}
